using Domain.Calendar;

namespace Workflows.Panels;

public static class MeetingTimes
{
    /// A London wall-clock time as UTC, or null for a time skipped when the clocks go forward.
    public static DateTime? ToUtc(DateTime london)
    {
        var local = DateTime.SpecifyKind(london, DateTimeKind.Unspecified);
        return London.Zone.IsInvalidTime(local) ? null : TimeZoneInfo.ConvertTimeToUtc(local, London.Zone);
    }
}
