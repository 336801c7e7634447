namespace Domain.Themes;

/// How a review's learning was shared.
public enum DisseminationKind
{
    Briefing,
    CspMeeting,
    Seminar,
    Training,
    Conference,
    Newsletter,
    Other,
}

/// One time a review's learning was shared (issue 18): what, with whom, the day it happened and how many attended.
/// HeldOn is the date entered (the fact); RecordedAtUtc when it was typed.
public sealed class DisseminationEntry
{
    public const int AudienceMaxLength = 200;
    public const int MaxAttendance = 100_000;

    public long Id { get; set; }

    public int ReviewId { get; set; }

    public DisseminationKind Kind { get; set; }

    /// Who it was shared with, e.g. "GP practice leads, Rutland".
    public required string Audience { get; set; }

    public DateOnly HeldOn { get; set; }

    /// Null where nobody attends (a newsletter).
    public int? Attendance { get; set; }

    public DateTime RecordedAtUtc { get; set; }

    public required string ByUserId { get; set; }

    public static string Describe(DisseminationKind kind) => kind switch
    {
        DisseminationKind.Briefing => "Briefing",
        DisseminationKind.CspMeeting => "CSP meeting",
        DisseminationKind.Seminar => "Seminar",
        DisseminationKind.Training => "Training",
        DisseminationKind.Conference => "Conference",
        DisseminationKind.Newsletter => "Newsletter",
        DisseminationKind.Other => "Other",
        _ => kind.ToString(),
    };

    /// A kind, an audience, a date not in the future nor before the death was notified, an attendance from 0 when given.
    public static IReadOnlyList<Error> Validate(DisseminationKind? kind, string? audience, DateOnly? heldOn, int? attendance, DateOnly notified, DateOnly today)
    {
        var errors = new List<Error>();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new Error("Choose how the learning was shared.", "Kind"));
        }

        var trimmed = audience?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(new Error("Say who it was shared with, e.g. \"GP practice leads\".", "Audience"));
        }
        else if (trimmed.Length > AudienceMaxLength)
        {
            errors.Add(new Error($"The audience must be {AudienceMaxLength} characters or fewer.", "Audience"));
        }

        if (heldOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date it happened.", "HeldOn"));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date cannot be in the future: record it once it has happened.", "HeldOn"));
        }
        else if (on < notified)
        {
            errors.Add(new Error($"The date cannot be before the death was notified ({Calendar.UkDate.Format(notified)}).", "HeldOn"));
        }

        if (attendance is < 0 or > MaxAttendance)
        {
            errors.Add(new Error($"Attendance is a whole number from 0 to {MaxAttendance:N0}; leave it blank where nobody attends.", "Attendance"));
        }

        return errors;
    }
}
