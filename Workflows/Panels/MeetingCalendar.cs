using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Workflows.Panels;

/// What an invitation says: the case label and reference, never a name (DOMAIN.md, Sensitivity).
public sealed record MeetingInvite(
    string Uid,
    int Sequence,
    bool Cancelled,
    DateTime StartsAtUtc,
    int DurationMinutes,
    string Summary,
    string? Location,
    string Description,
    string OrganizerEmail,
    string AttendeeEmail,
    DateTime StampUtc);

/// iCalendar (RFC 5546) for panel meetings: METHOD:REQUEST for an invitation or an update (same UID, higher SEQUENCE),
/// METHOD:CANCEL for a cancellation. Times are in UTC, so no time zone definition is needed.
public static class MeetingCalendar
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string Build(MeetingInvite invite)
    {
        var calendar = new Ical.Net.Calendar { Method = invite.Cancelled ? Cancel : Request };
        calendar.ProductId = "-//Review Portal//Panel meetings//EN";
        var start = DateTime.SpecifyKind(invite.StartsAtUtc, DateTimeKind.Utc);
        var meeting = new CalendarEvent
        {
            Uid = invite.Uid,
            Sequence = invite.Sequence,
            Summary = invite.Summary,
            Description = invite.Description,
            Location = invite.Location,
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddMinutes(invite.DurationMinutes)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(invite.StampUtc, DateTimeKind.Utc)),
            Status = invite.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + invite.OrganizerEmail),
        };
        meeting.Attendees.Add(new Attendee("mailto:" + invite.AttendeeEmail)
        {
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = false,
        });
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    public static byte[] Bytes(MeetingInvite invite) => Encoding.UTF8.GetBytes(Build(invite));

    public static string ContentType(MeetingInvite invite) =>
        $"text/calendar; method={(invite.Cancelled ? Cancel : Request)}; charset=utf-8";
}
