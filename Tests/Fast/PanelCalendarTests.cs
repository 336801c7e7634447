using Domain.Calendar;
using Domain.Panels;
using Workflows.Panels;

namespace Portal.Fast.Tests;

/// The iCalendar of panel meetings: METHOD, a stable UID, SEQUENCE, times in UTC, and no names.
public sealed class PanelCalendarTests
{
    private static readonly DateTime Starts = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static MeetingInvite Invite(int sequence = 0, bool cancelled = false, DateTime? starts = null) => new(
        PanelMeeting.UidFor(42), sequence, cancelled, starts ?? Starts, 90, "Panel meeting 1: Case Q 2026 (LR-2026-004)", "Room 2, County Hall",
        "Panel meeting 1: Case Q 2026 (LR-2026-004). Details and papers: http://portal/panels/7/meetings/42", "review-portal@localhost",
        "contact@police.example.org", new DateTime(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc));

    private static Ical.Net.CalendarComponents.CalendarEvent Parse(string ics, out Ical.Net.Calendar calendar)
    {
        calendar = Ical.Net.Calendar.Load(ics)!;
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public void Build_Invitation_IsARequestWithStableUidSequenceZeroAndUtcTimes()
    {
        var ics = MeetingCalendar.Build(Invite());
        var e = Parse(ics, out var calendar);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("panel-meeting-42@review-portal.local", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Contains("DTSTART:20261201T100000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261201T113000Z", ics, StringComparison.Ordinal);
        Assert.Equal("Room 2, County Hall", e.Location);
        // Long lines are folded at 75 octets: read the attendee as a calendar program does.
        Assert.Equal("mailto:contact@police.example.org", Assert.Single(e.Attendees).Value!.ToString(), ignoreCase: true);
        Assert.Equal("mailto:review-portal@localhost", e.Organizer!.Value!.ToString(), ignoreCase: true);
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", MeetingCalendar.ContentType(Invite()));
    }

    [Fact]
    public void Build_Update_KeepsTheUidAndRaisesTheSequence()
    {
        var moved = Parse(MeetingCalendar.Build(Invite(sequence: 1, starts: Starts.AddDays(1))), out var calendar);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(PanelMeeting.UidFor(42), moved.Uid);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(Starts.AddDays(1), moved.DtStart!.AsUtc);
    }

    [Fact]
    public void Build_Cancellation_IsACancelWithStatusCancelled()
    {
        var ics = MeetingCalendar.Build(Invite(sequence: 2, cancelled: true));
        var e = Parse(ics, out var calendar);

        Assert.Equal("CANCEL", calendar.Method);
        Assert.Equal(2, e.Sequence);
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal("text/calendar; method=CANCEL; charset=utf-8", MeetingCalendar.ContentType(Invite(cancelled: true)));
    }

    [Fact]
    public void Build_SummerMeeting_IsStillInUtc()
    {
        // 10:00 London time on 1 July is 09:00 UTC.
        var ics = MeetingCalendar.Build(Invite(starts: London.ToUtc(new DateTime(2027, 7, 1, 10, 0, 0))));

        Assert.Contains("DTSTART:20270701T090000Z", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CarriesNoNames_OnlyTheCaseLabelAndReference()
    {
        var ics = MeetingCalendar.Build(Invite());
        var e = Parse(ics, out _);

        Assert.Equal("Panel meeting 1: Case Q 2026 (LR-2026-004)", e.Summary);
        Assert.Null(Assert.Single(e.Attendees).CommonName);
        Assert.DoesNotContain("CN=", ics, StringComparison.OrdinalIgnoreCase);
    }
}
