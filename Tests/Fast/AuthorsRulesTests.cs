using Domain.Authors;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.Extensions.Time.Testing;
using Workflows.Process;
using Workflows.Time;

namespace Portal.Fast.Tests;

public class AuthorsClosingDateTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void CheckClosingDate_Tomorrow_IsAccepted() => Assert.Null(ExpressionOfInterest.CheckClosingDate(Today.AddDays(1), Today));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-400)]
    public void CheckClosingDate_TodayOrBefore_SaysChooseTomorrowOrLater(int days)
    {
        var error = ExpressionOfInterest.CheckClosingDate(Today.AddDays(days), Today);
        Assert.Equal(nameof(ExpressionOfInterest.ClosesOn), error!.Field);
        Assert.Equal("The closing date must be after today: choose 24 Nov 2026 or later.", error.Message);
    }

    [Fact]
    public void CheckClosingDate_Missing_AsksForIt() =>
        Assert.Equal("Enter the closing date for replies.", ExpressionOfInterest.CheckClosingDate(null, Today)!.Message);

    [Fact]
    public void Today_IsLondonsDate_LateOnASummerEvening()
    {
        // 23:30 UTC on 30 June is already 1 July in London: 1 July is "today", so it cannot be the closing date.
        var clock = new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)));
        Assert.NotNull(ExpressionOfInterest.CheckClosingDate(new DateOnly(2026, 7, 1), clock.Today));
        Assert.Null(ExpressionOfInterest.CheckClosingDate(new DateOnly(2026, 7, 2), clock.Today));
    }

    [Fact]
    public void AcceptsRepliesOn_UntilTheEndOfTheClosingDate()
    {
        var eoi = new ExpressionOfInterest { Summary = "s", SentByUserId = "o", ClosesOn = Today, Status = EoiStatus.Open };
        Assert.True(eoi.AcceptsRepliesOn(Today));
        Assert.False(eoi.AcceptsRepliesOn(Today.AddDays(1)));
        eoi.Status = EoiStatus.Closed;
        Assert.False(eoi.AcceptsRepliesOn(Today));
    }
}

public class AuthorsAppointmentArgsTests
{
    private static readonly Review Review = new()
    {
        Reference = "LR-2026-001", CaseLabel = "Case A 2026", CaseLabelKey = "case a 2026", SearchText = "x", CreatedByUserId = "o",
        DateNotified = new DateOnly(2026, 1, 5),
    };

    private static List<string?> Fields(AppointAuthorArgs args) =>
        args.Validate(new TriggerCheck(Review, new DateOnly(2026, 11, 23))).Select(e => e.Field).ToList();

    [Fact]
    public void AppointAuthor_NeedsThePersonAndTheFee() =>
        Assert.Equal([nameof(AppointAuthorArgs.AuthorUserId), nameof(AppointAuthorArgs.FeePence)], Fields(new AppointAuthorArgs()));

    [Fact]
    public void AppointAuthor_OnePersonWithFee_IsValid() => Assert.Empty(Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = 1_250_000 }));

    [Fact]
    public void AppointAuthor_TwoPeople_NeedTwoFeesAndTwoDifferentPeople()
    {
        Assert.Equal([nameof(AppointAuthorArgs.SecondFeePence)], Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = 1, SecondAuthorUserId = "b" }));
        Assert.Equal([nameof(AppointAuthorArgs.SecondAuthorUserId)],
            Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = 1, SecondAuthorUserId = "a", SecondFeePence = 1 }));
    }

    [Fact]
    public void AppointAuthor_NegativeFee_IsRefused() =>
        Assert.Equal([nameof(AppointAuthorArgs.FeePence)], Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = -1 }));
}
