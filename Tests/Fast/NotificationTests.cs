using Domain.Reviews;

namespace Portal.Fast.Tests;

public class NotificationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Notification Valid() => new(ReviewType.Dardr, false, false, false, 1, [], 2, new DateOnly(2026, 10, 5), 2026, 9, 1,
        "Case A 2026", null, null, "Summary");

    private static string[] FieldsWithErrors(Notification n) => n.Validate(Today).Select(e => e.Field!).ToArray();

    [Fact]
    public void Validate_CompleteNotification_HasNoErrors() => Assert.Empty(Valid().Validate(Today));

    [Fact]
    public void Validate_NotifiedBeforeMonthOfDeath_ExplainsBothDates()
    {
        var errors = (Valid() with { DateNotified = new DateOnly(2026, 8, 31), DeathMonth = 9 }).Validate(Today);
        var error = Assert.Single(errors);
        Assert.Equal(nameof(Notification.DateNotified), error.Field);
        Assert.Contains("before the month in which it happened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotifiedInTheSameMonthAsDeath_IsAccepted() =>
        Assert.Empty((Valid() with { DateNotified = new DateOnly(2026, 9, 1), DeathMonth = 9 }).Validate(Today));

    [Fact]
    public void Validate_FutureDates_AreRefused()
    {
        Assert.Contains(nameof(Notification.DateNotified), FieldsWithErrors(Valid() with { DateNotified = Today.AddDays(1) }));
        Assert.Contains(nameof(Notification.DeathMonth), FieldsWithErrors(Valid() with { DeathYear = 2026, DeathMonth = 12 }));
    }

    [Fact]
    public void Validate_DeathThisMonthNotifiedToday_IsAccepted() =>
        Assert.Empty((Valid() with { DateNotified = Today, DeathYear = 2026, DeathMonth = 11 }).Validate(Today));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void Validate_MonthOutOfRange_IsRefused(int month) =>
        Assert.Contains(nameof(Notification.DeathMonth), FieldsWithErrors(Valid() with { DeathMonth = month }));

    [Fact]
    public void Validate_MissingRequiredFields_ListsEachOne()
    {
        var n = new Notification(ReviewType.Dardr, false, false, false, null, [], null, null, null, null, 0, " ", null, null, null);
        Assert.Equal(
            new[] { nameof(Notification.LeadCspId), nameof(Notification.NotifyingAgencyId), nameof(Notification.DateNotified), nameof(Notification.DeathMonth), nameof(Notification.NumberOfDeceased), nameof(Notification.CaseLabel) },
            FieldsWithErrors(n));
    }

    [Fact]
    public void Validate_LeadCspAlsoListedAsOther_IsRefused() =>
        Assert.Contains(nameof(Notification.OtherCspIds), FieldsWithErrors(Valid() with { OtherCspIds = [1] }));

    [Fact]
    public void Validate_OverlongSummary_IsRefused() =>
        Assert.Contains(nameof(Notification.Summary), FieldsWithErrors(Valid() with { Summary = new string('x', Notification.SummaryMaxLength + 1) }));

    [Fact]
    public void Validate_AYearOfDeathWithoutAMonth_OrAMonthWithoutAYear_AsksForBoth()
    {
        Assert.Equal(["DeathMonth"], FieldsWithErrors(Valid() with { DeathMonth = null }));
        Assert.Equal(["DeathMonth"], FieldsWithErrors(Valid() with { DeathYear = null }));
        Assert.Equal("Enter the month and year of death.", (Valid() with { DeathMonth = null }).Validate(Today).Single().Message);
    }
}
