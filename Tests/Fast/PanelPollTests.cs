using Domain.Calendar;
using Domain.Panels;
using Workflows.Panels;

namespace Portal.Fast.Tests;

/// Proposing meeting dates and reading the poll.
public sealed class PanelPollTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CheckProposedTimes_APassedDate_SaysSo()
    {
        var errors = MeetingPoll.CheckProposedTimes([Now.AddDays(3), Now.AddMinutes(-1)], Now);

        Assert.Contains(errors, e => e.Message.StartsWith("A meeting date already passed", StringComparison.Ordinal) && e.Field == "Options");
    }

    [Fact]
    public void CheckProposedTimes_NowItself_HasPassed() =>
        Assert.NotEmpty(MeetingPoll.CheckProposedTimes([Now], Now));

    [Fact]
    public void CheckProposedTimes_NoneOrRepeated_AreRefused()
    {
        Assert.Contains(MeetingPoll.CheckProposedTimes([], Now), e => e.Message.Contains("at least one", StringComparison.Ordinal));
        Assert.Contains(MeetingPoll.CheckProposedTimes([Now.AddDays(1), Now.AddDays(1)], Now), e => e.Message.Contains("twice", StringComparison.Ordinal));
        Assert.NotEmpty(MeetingPoll.CheckProposedTimes(Enumerable.Range(1, MeetingPoll.MaxOptions + 1).Select(d => Now.AddDays(d)).ToList(), Now));
    }

    [Fact]
    public void CheckProposedTimes_FutureDates_AreFine() =>
        Assert.Empty(MeetingPoll.CheckProposedTimes([Now.AddDays(1), Now.AddDays(2)], Now));

    [Fact]
    public void Tally_CountsEachAnswer_AndMembersWhoHaveNotAnswered()
    {
        var first = Option(1, Now.AddDays(7), ("a", Availability.Available), ("b", Availability.IfNeedBe), ("gone", Availability.Available));
        var second = Option(2, Now.AddDays(8), ("a", Availability.Available), ("b", Availability.Available), ("c", Availability.NotAvailable));

        var tallies = MeetingPoll.Tally([second, first], ["a", "b", "c"]);

        // A removed member's answer ("gone") no longer counts; dates come in order.
        Assert.Equal(new OptionTally(1, Now.AddDays(7), 1, 1, 0, 1), tallies[0]);
        Assert.Equal(new OptionTally(2, Now.AddDays(8), 2, 0, 1, 0), tallies[1]);
        Assert.Equal(2, MeetingPoll.Best(tallies)!.OptionId);
    }

    [Fact]
    public void Best_OnATie_TakesTheEarlierDate()
    {
        var tallies = MeetingPoll.Tally([Option(5, Now.AddDays(9), ("a", Availability.Available)), Option(4, Now.AddDays(8), ("a", Availability.Available))], ["a"]);

        Assert.Equal(4, MeetingPoll.Best(tallies)!.OptionId);
        Assert.Null(MeetingPoll.Best([]));
    }

    [Fact]
    public void ToUtc_ATimeSkippedWhenTheClocksGoForward_IsNull()
    {
        Assert.Null(London.ToUtc(new DateTime(2027, 3, 28, 1, 30, 0)));
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), London.ToUtc(new DateTime(2026, 12, 1, 10, 0, 0)));
    }

    private static MeetingOption Option(long id, DateTime at, params (string User, Availability Answer)[] answers) => new()
    {
        Id = id,
        StartsAtUtc = at,
        Responses = answers.Select(a => new MeetingResponse { OptionId = id, UserId = a.User, Availability = a.Answer }).ToList(),
    };
}
