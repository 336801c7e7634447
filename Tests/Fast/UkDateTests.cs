using Domain.Calendar;

namespace Portal.Fast.Tests;

public class UkDateTests
{
    [Fact]
    public void Format_Date_IsDayShortMonthYear_WithSepNotSept()
    {
        Assert.Equal("23 Nov 2026", UkDate.Format(new DateOnly(2026, 11, 23)));
        Assert.Equal("1 Sep 2026", UkDate.Format(new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Format_Instant_IsItsLondonDate()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST); in winter London is UTC.
        Assert.Equal("1 Jul 2026", UkDate.Format(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("30 Dec 2026", UkDate.Format(new DateTime(2026, 12, 30, 23, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void FormatWithTime_IsLondonWallClock()
    {
        Assert.Equal("1 Jul 2026 00:30", UkDate.FormatWithTime(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("23 Nov 2026 14:05", UkDate.FormatWithTime(new DateTime(2026, 11, 23, 14, 5, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void FormatInFull_NamesTheDay()
    {
        Assert.Equal("Tuesday 1 December 2026, 10:00", UkDate.FormatInFull(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Tuesday 1 September 2026, 10:00", UkDate.FormatInFull(new DateTime(2026, 9, 1, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void FormatMonth_IsTheMonthInFull()
    {
        Assert.Equal("September 2026", UkDate.FormatMonth(2026, 9));
        Assert.Equal("March 2025", UkDate.FormatMonth(new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void London_ToUtc_RefusesATimeSkippedWhenTheClocksGoForward()
    {
        Assert.Null(London.ToUtc(new DateTime(2027, 3, 28, 1, 30, 0)));
        Assert.Equal(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc), London.ToUtc(new DateTime(2026, 7, 1, 10, 0, 0)));
        Assert.Equal(new DateTime(2026, 7, 1, 10, 0, 0), London.ToLocal(new DateTime(2026, 7, 1, 9, 0, 0, DateTimeKind.Utc)));
    }
}
