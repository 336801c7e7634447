using Domain.Calendar;
using Domain.Panels;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Panels;

public sealed record Invitee(string UserId, string Email);

/// Queues a meeting's calendar email (invitation, update or cancellation) for each invitee through the outbox, in the
/// caller's transaction. The occurrence key holds the meeting's SEQUENCE: each change is sent once per member.
public sealed class MeetingInvitations(IOutbox outbox, EmailOptions email, BusinessClock clock)
{
    public const string InvitationReason = "PanelInvitation";
    public const string CancellationReason = "PanelCancellation";
    public const string ReminderReason = "PanelReminder";

    public async Task<int> QueueAsync(IReviewDb db, PanelAccess review, PanelMeeting meeting, IEnumerable<Invitee> invitees, CancellationToken ct)
    {
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var reason = cancelled ? CancellationReason : InvitationReason;
        var template = cancelled ? "PanelCancellation" : meeting.Sequence == 0 ? "PanelInvitation" : "PanelUpdate";
        var values = Values(review, meeting);
        var queued = 0;
        foreach (var to in invitees.DistinctBy(i => i.Email.ToLowerInvariant()))
        {
            var invite = Invite(review, meeting, to.Email);
            var attachment = new EmailAttachment(cancelled ? "cancelled.ics" : "invite.ics", MeetingCalendar.ContentType(invite), MeetingCalendar.Bytes(invite));
            if (await outbox.EnqueueAsync(db, new OutgoingEmail(to.Email, to.UserId, reason, $"meeting:{meeting.Id}:seq:{meeting.Sequence}", template,
                    values, ReviewId: review.ReviewId, Attachment: attachment), ct))
            {
                queued++;
            }
        }

        return queued;
    }

    public MeetingInvite Invite(PanelAccess review, PanelMeeting meeting, string attendee) => new(
        meeting.Uid,
        meeting.Sequence,
        meeting.Status == MeetingStatus.Cancelled,
        meeting.StartsAtUtc!.Value,
        meeting.DurationMinutes,
        Summary(review, meeting),
        Place(meeting),
        $"{Summary(review, meeting)}. Details and papers: {email.LinkTo(PanelLink(review.ReviewId, meeting.Id))}",
        email.FromAddress,
        attendee,
        clock.UtcNow);

    public Dictionary<string, string> Values(PanelAccess review, PanelMeeting meeting) => new()
    {
        ["CaseLabel"] = review.CaseLabel,
        ["Reference"] = review.Reference,
        ["Meeting"] = meeting.Title,
        ["When"] = meeting.StartsAtUtc is { } at ? When(at) : "to be agreed",
        ["Place"] = Place(meeting) ?? "to be confirmed",
        ["Link"] = email.LinkTo(PanelLink(review.ReviewId, meeting.Id)),
        ["PortalBaseUrl"] = email.PortalBaseUrl,
    };

    public static string PanelLink(int reviewId, long meetingId) => $"panels/{reviewId}/meetings/{meetingId}";

    public static string Summary(PanelAccess review, PanelMeeting meeting) => $"{meeting.Title}: {review.CaseLabel} ({review.Reference})";

    public static string? Place(PanelMeeting meeting) =>
        string.Join(" / ", new[] { meeting.Location, meeting.OnlineLink }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } p ? p : null;

    /// "Tuesday 1 December 2026, 10:00 (London time)".
    public static string When(DateTime utc) => UkDate.FormatInFull(utc) + " (London time)";
}
