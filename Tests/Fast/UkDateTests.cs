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

    [Theory]
    [InlineData("1/12/2026")]
    [InlineData("01/12/2026")]
    [InlineData("01/12/26")]
    [InlineData("1-12-2026")]
    [InlineData("1.12.26")]
    [InlineData(" 1 / 12 / 2026 ")]
    [InlineData("1 Dec 2026")]
    [InlineData("1 dec 26")]
    [InlineData("1st December 2026")]
    [InlineData("01 Dec. 2026")]
    [InlineData("01-Dec-26")]
    [InlineData("1 - December - 2026")]
    [InlineData("2026-12-01")]
    [InlineData("2026-12-1")]
    public void TryParse_AsPeopleInTheUkTypeIt_ReadsDayBeforeMonth(string typed)
    {
        Assert.True(UkDate.TryParse(typed, out var date), typed);
        Assert.Equal(new DateOnly(2026, 12, 1), date);
    }

    [Theory]
    [InlineData("1 Sept 2026", 2026, 9, 1)]
    [InlineData("30 September 2026", 2026, 9, 30)]
    [InlineData("29/02/2028", 2028, 2, 29)]
    [InlineData("12/05/49", 2049, 5, 12)]
    [InlineData("12/05/64", 1964, 5, 12)]
    [InlineData("31/12/99", 1999, 12, 31)]
    public void TryParse_MonthNamesLeapDaysAndTwoDigitYears(string typed, int year, int month, int day)
    {
        Assert.True(UkDate.TryParse(typed, out var date), typed);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("31/02/2026")]
    [InlineData("29/02/2027")]
    [InlineData("31/04/2026")]
    [InlineData("12/31/2026")]
    [InlineData("0/12/2026")]
    [InlineData("1/0/2026")]
    [InlineData("1/12/202")]
    [InlineData("1/12/2")]
    [InlineData("1/12")]
    [InlineData("1 Decembre 2026")]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    [InlineData("1/12/2026 10:00")]
    [InlineData("١/١٢/٢٠٢٦")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void TryParse_DatesThatDoNotExistOrCannotBeRead_AreNotRead(string? typed) =>
        Assert.False(UkDate.TryParse(typed, out _), typed);

    [Fact]
    public void Unreadable_QuotesWhatWasTyped_AndShowsTheWayToTypeIt() =>
        Assert.Equal(
            "We could not read '31/02/2026' as a date. Type the day, month and year, for example 1/12/2026 or 1 Dec 2026.",
            UkDate.Unreadable(" 31/02/2026 "));
}
