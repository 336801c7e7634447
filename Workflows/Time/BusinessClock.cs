using Domain.Calendar;

namespace Workflows.Time;

/// Business time, separate from the TimeProvider ASP.NET Core uses for cookies and tokens,
/// so tests can move it with FakeTimeProvider without breaking sign-in.
public sealed class BusinessClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// Today's date in Europe/London: deadlines and reports are business dates.
    public DateOnly Today => London.DateOf(UtcNow);
}
