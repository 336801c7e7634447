using Domain.Calendar;

namespace Portal.Fast.Tests;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.EnglandAndWales();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2027, 1, 31, 2027, 2, 28)]
    [InlineData(2028, 1, 31, 2028, 2, 29)]
    [InlineData(2028, 2, 29, 2028, 3, 29)]
    [InlineData(2026, 3, 31, 2026, 4, 30)]
    [InlineData(2026, 12, 31, 2027, 1, 31)]
    [InlineData(2026, 11, 23, 2026, 12, 23)]
    public void AddMonths_OneMonth_ClampsAtTheEndOfAShorterMonth(int y, int m, int d, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), BusinessCalendar.AddMonths(D(y, m, d), 1));

    [Fact]
    public void AddMonths_SixMonthsFrom31August_IsTheLastDayOfFebruary()
    {
        Assert.Equal(D(2027, 2, 28), BusinessCalendar.AddMonths(D(2026, 8, 31), 6));
        Assert.Equal(D(2028, 2, 29), BusinessCalendar.AddMonths(D(2027, 8, 31), 6));
    }

    [Fact]
    public void Shipped_2026_AreThePublishedDates()
    {
        var expected = new[] { D(2026, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2026, 5, 4), D(2026, 5, 25), D(2026, 8, 31), D(2026, 12, 25), D(2026, 12, 28) };
        Assert.Equal(expected, EnglandAndWalesBankHolidays.Shipped.Where(h => h.Date.Year == 2026).Select(h => h.Date));
    }

    [Fact]
    public void Shipped_CoversEveryYearFrom2011To2030_WithAtLeastEightDays()
    {
        var perYear = EnglandAndWalesBankHolidays.Shipped.GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(2011, 20), perYear.Keys.Order());
        Assert.All(perYear.Values, n => Assert.InRange(n, 8, 10));
        Assert.All(EnglandAndWalesBankHolidays.Shipped, h => Assert.True(h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{h.Date} {h.Name}"));
    }

    [Theory]
    [InlineData(2021, 27, 28)] // Christmas on Saturday: Monday and Tuesday are the substitutes
    [InlineData(2027, 27, 28)]
    [InlineData(2022, 26, 27)] // Christmas on Sunday: Boxing Day Monday, Christmas substitute Tuesday
    [InlineData(2026, 25, 28)] // Boxing Day on Saturday: Monday 28th
    [InlineData(2025, 25, 26)]
    public void Christmas_AtAWeekend_HasSubstituteDays(int year, int first, int second)
    {
        var december = EnglandAndWalesBankHolidays.Shipped.Where(h => h.Date.Year == year && h.Date.Month == 12).Select(h => h.Date.Day);
        Assert.Equal(new[] { first, second }, december);
    }

    [Theory]
    [InlineData(2024, 3, 29, 4, 1)]
    [InlineData(2025, 4, 18, 4, 21)]
    [InlineData(2027, 3, 26, 3, 29)]
    [InlineData(2028, 4, 14, 4, 17)]
    [InlineData(2030, 4, 19, 4, 22)]
    public void Easter_GoodFridayAndEasterMonday_AreBankHolidays(int year, int gfMonth, int gfDay, int emMonth, int emDay)
    {
        Assert.True(Calendar.IsBankHoliday(D(year, gfMonth, gfDay)));
        Assert.True(Calendar.IsBankHoliday(D(year, emMonth, emDay)));
        Assert.Equal(DayOfWeek.Friday, D(year, gfMonth, gfDay).DayOfWeek);
    }

    [Fact]
    public void Shipped_IncludesTheOneOffDays()
    {
        Assert.True(Calendar.IsBankHoliday(D(2011, 4, 29)));
        Assert.True(Calendar.IsBankHoliday(D(2012, 6, 5)));
        Assert.True(Calendar.IsBankHoliday(D(2020, 5, 8)));
        Assert.False(Calendar.IsBankHoliday(D(2020, 5, 4)));
        Assert.True(Calendar.IsBankHoliday(D(2022, 9, 19)));
        Assert.True(Calendar.IsBankHoliday(D(2023, 5, 8)));
    }

    [Theory]
    [InlineData(2026, 11, 20, 1, 2026, 11, 23)] // Friday + 1 = Monday
    [InlineData(2026, 11, 23, 5, 2026, 11, 30)]
    [InlineData(2025, 12, 19, 5, 2025, 12, 30)] // over Christmas Day and Boxing Day
    [InlineData(2026, 12, 22, 5, 2026, 12, 31)] // over Christmas and the Boxing Day substitute
    [InlineData(2026, 4, 2, 1, 2026, 4, 7)] // over Good Friday, the weekend and Easter Monday
    [InlineData(2026, 11, 21, 0, 2026, 11, 21)]
    public void AddWorkingDays_SkipsWeekendsAndBankHolidays(int y, int m, int d, int days, int ey, int em, int ed) =>
        Assert.Equal(D(ey, em, ed), Calendar.AddWorkingDays(D(y, m, d), days));

    [Fact]
    public void AddWorkingDays_AnAdministratorsExtraDay_IsSkippedToo()
    {
        var calendar = BusinessCalendar.EnglandAndWales([D(2026, 11, 24)]);
        Assert.Equal(D(2026, 11, 25), calendar.AddWorkingDays(D(2026, 11, 23), 1));
        Assert.Equal(D(2026, 11, 24), Calendar.AddWorkingDays(D(2026, 11, 23), 1));
    }

    [Theory]
    [InlineData(2026, 1, 15, "2026-01-16T00:00:00Z")] // GMT: midnight UTC
    [InlineData(2026, 6, 30, "2026-06-30T23:00:00Z")] // BST: 00:00 London is 23:00 UTC the evening before
    [InlineData(2026, 3, 28, "2026-03-29T00:00:00Z")] // clocks go forward at 01:00 on the 29th
    [InlineData(2026, 3, 29, "2026-03-29T23:00:00Z")]
    [InlineData(2026, 10, 24, "2026-10-24T23:00:00Z")] // clocks go back at 02:00 BST on the 25th
    [InlineData(2026, 10, 25, "2026-10-26T00:00:00Z")]
    public void OverdueFromUtc_IsTheStartOfTheNextLondonDay(int y, int m, int d, string expected) =>
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), London.OverdueFromUtc(D(y, m, d)));

    [Fact]
    public void DateOf_LateEveningUtcInSummer_IsTheNextLondonDay() =>
        Assert.Equal(D(2026, 7, 1), London.DateOf(new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(0, "due today")]
    [InlineData(1, "due tomorrow")]
    [InlineData(3, "in 3 days")]
    [InlineData(-1, "1 day overdue")]
    [InlineData(-5, "5 days overdue")]
    public void DueText_DescribesDaysLeft(int days, string expected) =>
        Assert.Equal(expected, DueText.Describe(D(2026, 11, 23).AddDays(days), D(2026, 11, 23)));

    [Fact]
    public void Deadlines_Defaults_FollowTheGuidance()
    {
        var deadlines = new DeadlineSettings();
        Assert.Equal(D(2027, 2, 28), deadlines.DecisionDue(D(2027, 1, 31)));
        Assert.Equal(D(2026, 12, 31), deadlines.HomeOfficeNotificationDue(D(2026, 12, 22), Calendar));
        Assert.Equal(D(2027, 5, 30), deadlines.CompletionDue(D(2026, 11, 30)));
        Assert.Equal(D(2027, 1, 18), deadlines.QaChase(D(2026, 11, 23)));
        Assert.Equal(D(2027, 1, 4), deadlines.InformationRequestDue(D(2026, 11, 23)));
    }
}
