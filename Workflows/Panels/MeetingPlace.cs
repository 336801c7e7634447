using Domain;
using Domain.Panels;

namespace Workflows.Panels;

/// Where a scheduled meeting happens: a location, an online link, or both.
public sealed record MeetingPlace(string? Location, string? OnlineLink)
{
    public string? TrimmedLocation => Trim(Location);

    public string? TrimmedOnlineLink => Trim(OnlineLink);

    public void Check(List<Error> errors)
    {
        if (TrimmedLocation is null && TrimmedOnlineLink is null)
        {
            errors.Add(new Error("Say where the meeting is: a location, an online link, or both.", "Location"));
        }

        if (TrimmedLocation?.Length > PanelMeeting.PlaceMaxLength)
        {
            errors.Add(new Error($"The location can be up to {PanelMeeting.PlaceMaxLength} characters.", "Location"));
        }

        if (TrimmedOnlineLink is { } link && (link.Length > PanelMeeting.PlaceMaxLength
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new Error("The online link must be a full https:// address, e.g. https://meet.example.org/panel.", "OnlineLink"));
        }
    }

    public void ApplyTo(PanelMeeting meeting)
    {
        meeting.Location = TrimmedLocation;
        meeting.OnlineLink = TrimmedOnlineLink;
    }

    /// Whether the meeting is somewhere else than this place.
    public bool DiffersFrom(PanelMeeting meeting) => TrimmedLocation != meeting.Location || TrimmedOnlineLink != meeting.OnlineLink;

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
