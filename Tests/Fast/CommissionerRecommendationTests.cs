using Domain.Commissioner;

namespace Portal.Fast.Tests;

public sealed class CommissionerRecommendationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("2026-01-05", "2026-03-02")] // across the end of a 28-day February
    [InlineData("2024-01-05", "2024-03-01")] // a leap year's February has 29 days
    [InlineData("2024-02-29", "2024-04-25")] // made on a leap day
    [InlineData("2026-10-31", "2026-12-26")] // from a month's last day
    [InlineData("2027-12-31", "2028-02-25")] // across the year end
    [InlineData("2026-11-23", "2027-01-18")]
    public void ResponseDue_Is56CalendarDaysAfterTheDayItWasMade(string made, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            CommissionerRecommendation.ResponseDueFor(DateOnly.Parse(made, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsOverdue_FromTheDayAfterTheResponseDate_UntilAResponseIsRecorded()
    {
        var r = new CommissionerRecommendation { Report = "R", Text = "T", CreatedByUserId = "u", MadeOn = new DateOnly(2026, 9, 28) };
        Assert.Equal(new DateOnly(2026, 11, 23), r.ResponseDue);
        Assert.False(r.IsOverdue(new DateOnly(2026, 11, 23)));
        Assert.True(r.IsOverdue(new DateOnly(2026, 11, 24)));
        r.RespondedOn = new DateOnly(2026, 11, 24);
        Assert.False(r.IsOverdue(new DateOnly(2026, 12, 24)));
    }

    [Fact]
    public void Validate_EachFieldSaysWhatToDo()
    {
        Assert.Equal(["Report", "MadeOn", "AddresseeId", "Text"],
            CommissionerRecommendation.Validate(" ", null, null, "", Today).Select(e => e.Field));
        Assert.Equal(["Report", "MadeOn", "Text"], CommissionerRecommendation.Validate(new string('r', CommissionerRecommendation.ReportMaxLength + 1),
            Today.AddDays(1), 4, new string('t', CommissionerRecommendation.TextMaxLength + 1), Today).Select(e => e.Field));
        Assert.Empty(CommissionerRecommendation.Validate("Did anyone notice?", Today, 4, "Train staff.", Today));
    }

    [Fact]
    public void ValidateResponse_SentNotInTheFutureNorBeforeItWasMade_WithASummary()
    {
        var made = new DateOnly(2026, 10, 1);
        Assert.Equal(["RespondedOn", "ResponseSummary"], CommissionerRecommendation.ValidateResponse(null, " ", made, Today).Select(e => e.Field));
        Assert.Equal(["RespondedOn"], CommissionerRecommendation.ValidateResponse(Today.AddDays(1), "Agreed.", made, Today).Select(e => e.Field));
        Assert.Equal(["RespondedOn"], CommissionerRecommendation.ValidateResponse(made.AddDays(-1), "Agreed.", made, Today).Select(e => e.Field));
        Assert.Equal(["ResponseSummary"], CommissionerRecommendation.ValidateResponse(made, new string('s', CommissionerRecommendation.ResponseMaxLength + 1), made, Today)
            .Select(e => e.Field));
        Assert.Empty(CommissionerRecommendation.ValidateResponse(made, "Agreed.", made, Today));
    }
}
