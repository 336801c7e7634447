using Domain;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Data;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// Each trigger's arguments check themselves (Workflows/Process/Triggers): the date every step may carry, the comment
/// some require, and each trigger's own fields.
public class TriggerArgsTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Review Review = DardrV1Tests.ReviewAt(Stage.AwaitingCrgDecision, r => r.CrgFirstPresentedOn = new DateOnly(2026, 10, 5));

    private static List<string?> Fields(TriggerArgs args, bool imported = false) =>
        args.Validate(new TriggerCheck(Review, Today, imported)).Select(e => e.Field).ToList();

    public static TheoryData<Trigger> EveryTrigger() => new(Enum.GetValues<Trigger>());

    [Theory]
    [MemberData(nameof(EveryTrigger))]
    public void For_EveryTrigger_HasAnArgumentsTypeOfItsOwn(Trigger trigger)
    {
        var args = TriggerArgs.For(trigger);

        Assert.Equal(trigger, args.Trigger);
        Assert.Single(Enum.GetValues<Trigger>(), t => TriggerArgs.For(t).GetType() == args.GetType());
        Assert.Equal((null, null, null), (args.Date, args.Comment, args.ExpectedVersion));
    }

    [Fact]
    public void Date_InTheFutureOrBeforeTheNotification_IsRefused_TheDaysThemselvesAreNot()
    {
        Assert.Equal(["Date"], Fields(new PresentToCrgArgs { Date = Today.AddDays(1) }));
        Assert.Equal(["Date"], Fields(new PresentToCrgArgs { Date = Review.DateNotified.AddDays(-1) }));
        Assert.Empty(Fields(new PresentToCrgArgs { Date = Today }));
        Assert.Empty(Fields(new PresentToCrgArgs { Date = Review.DateNotified }));
        Assert.Equal("The date cannot be in the future.", new SubmitToHomeOfficeArgs { Date = Today.AddDays(1) }.Validate(new TriggerCheck(Review, Today)).Single().Message);
    }

    [Fact]
    public void Date_BeforeTheStepBeforeIt_IsRefusedWithThatStep_TheSameDayAndLaterAreNot()
    {
        var held = new PreviousStep(new DateOnly(2026, 11, 2), Trigger.PutOnHold);
        List<Error> Errors(DateOnly on) => [.. new ResumeArgs { Date = on }.Validate(new TriggerCheck(Review, Today, Previous: held))];

        var before = Assert.Single(Errors(new DateOnly(2026, 11, 1)));

        Assert.Equal(("Date", "The date cannot be before the step before it (Put on hold, 2 Nov 2026): check it."), (before.Field, before.Message));
        Assert.Empty(Errors(new DateOnly(2026, 11, 2)));
        Assert.Empty(Errors(Today));
        // No date given: today, which no earlier step can follow.
        Assert.Empty(new ResumeArgs().Validate(new TriggerCheck(Review, Today, Previous: held)));
        // The start of the process is the notification itself.
        Assert.Equal("Notification received, 1 Oct 2026", new PreviousStep(new DateOnly(2026, 10, 1), null).Describe());
    }

    [Fact]
    public void Date_InTheFuture_IsRefusedBeforeAnyOtherRuleOnIt()
    {
        var args = new PutOnHoldArgs { Date = Today.AddDays(1), HoldReason = HoldReason.Inquest, ExpectedReviewDate = Today.AddDays(30) };

        var error = Assert.Single(args.Validate(new TriggerCheck(Review, Today, Previous: new PreviousStep(Today, Trigger.PresentToCrg))));

        Assert.Equal(("Date", "The date cannot be in the future."), (error.Field, error.Message));
    }

    [Theory]
    [InlineData(typeof(RecordCriteriaMetArgs))]
    [InlineData(typeof(RecordCriteriaNotMetArgs))]
    public void Decision_BeforeTheCaseWasPresented_IsRefused_OnTheDayItIsNot(Type type)
    {
        var args = (TriggerArgs)Activator.CreateInstance(type)! with { Comment = "Reasons." };

        var before = (args with { Date = new DateOnly(2026, 10, 4) }).Validate(new TriggerCheck(Review, Today));

        Assert.Equal("The decision cannot be before the case was first presented to the CRG.", Assert.Single(before).Message);
        Assert.Empty(Fields(args with { Date = new DateOnly(2026, 10, 5) }));
        // Other steps may be dated before the presentation (only the notification bounds them).
        Assert.Empty(Fields(new RecordHomeOfficeNotifiedArgs { Date = new DateOnly(2026, 10, 4) }));
    }

    [Theory]
    [InlineData(typeof(RecordHomeOfficeAcknowledgedArgs))]
    [InlineData(typeof(RecordHomeOfficeDirectionArgs))]
    [InlineData(typeof(CloseWithoutReviewArgs))]
    public void HomeOfficeResponse_BeforeTheHomeOfficeWasNotified_IsRefused_OnTheDayItIsNot(Type type)
    {
        var told = DardrV1Tests.ReviewAt(Stage.DecisionNotified, r => r.HomeOfficeNotifiedOn = new DateOnly(2026, 11, 10));
        var args = (TriggerArgs)Activator.CreateInstance(type)!;

        var before = Assert.Single((args with { Date = new DateOnly(2026, 11, 9) }).Validate(new TriggerCheck(told, Today)));

        Assert.Equal(("Date", "The Home Office cannot have answered before it was notified of the decision (10 Nov 2026): check the date."),
            (before.Field, before.Message));
        Assert.Empty((args with { Date = new DateOnly(2026, 11, 10) }).Validate(new TriggerCheck(told, Today)));
        Assert.Empty(args.Validate(new TriggerCheck(told, Today)));
    }

    [Theory]
    [InlineData(typeof(RecordCriteriaMetArgs), true)]
    [InlineData(typeof(RecordCriteriaNotMetArgs), true)]
    [InlineData(typeof(RecordMoreInformationNeededArgs), true)]
    [InlineData(typeof(RecordAmendmentsRequiredArgs), true)]
    [InlineData(typeof(RecordQaApprovedSubjectToAmendmentsArgs), true)]
    [InlineData(typeof(RecordQaResubmitArgs), true)]
    [InlineData(typeof(RecordAmendmentsAfterSignOffArgs), true)]
    [InlineData(typeof(RecordSignOffAmendmentsMadeArgs), false)]
    [InlineData(typeof(ReverseCriteriaNotMetArgs), true)]
    [InlineData(typeof(StopReviewArgs), true)]
    [InlineData(typeof(ReopenReviewArgs), true)]
    [InlineData(typeof(PresentToCrgArgs), false)]
    [InlineData(typeof(RecordSignedOffArgs), false)]
    [InlineData(typeof(RecordQaApprovedArgs), false)]
    [InlineData(typeof(CloseReviewArgs), false)]
    public void Comment_IsRequiredWhereTheStepNeedsAReason(Type type, bool required)
    {
        var args = (TriggerArgs)Activator.CreateInstance(type)!;

        Assert.Equal(required, Fields(args with { Comment = "   " }).Contains("Comment"));
        Assert.DoesNotContain("Comment", Fields(args with { Comment = "Given." }));
        Assert.Contains("Comment", Fields(args with { Comment = new string('x', JournalEntry.CommentMaxLength + 1) }));
        Assert.DoesNotContain("Comment", Fields(args with { Comment = new string('x', JournalEntry.CommentMaxLength) }));
    }

    [Fact]
    public void ReverseCriteriaNotMet_NeedsAReasonAndARationale_DatedNeitherInTheFutureNorBeforeTheDecisionItReverses()
    {
        var decided = DardrV1Tests.ReviewAt(Stage.Closed, r => (r.CrgOutcome, r.DecidedOn) = (CrgOutcome.CriteriaNotMet, new DateOnly(2026, 10, 20)));
        List<Error> Errors(ReverseCriteriaNotMetArgs args) => [.. args.Validate(new TriggerCheck(decided, Today))];
        var valid = new ReverseCriteriaNotMetArgs { Reason = DecisionReversalReason.JudicialReview, Comment = "The court quashed the decision." };

        Assert.Equal([("Comment", "Give the CRG's rationale for the new decision."),
            ("Reason", "Choose why the decision was reversed: a judicial review, an appeal or new information.")],
            Errors(new ReverseCriteriaNotMetArgs()).Select(e => (e.Field, e.Message)));
        Assert.Equal([("Date", "The date cannot be in the future.")], Errors(valid with { Date = Today.AddDays(1) }).Select(e => (e.Field, e.Message)));
        Assert.Equal([("Date", "The new decision cannot be before the decision it reverses (20 Oct 2026): check it.")],
            Errors(valid with { Date = new DateOnly(2026, 10, 19) }).Select(e => (e.Field, e.Message)));
        Assert.Empty(Errors(valid with { Date = new DateOnly(2026, 10, 20) }));
        Assert.Empty(Errors(valid));
    }

    [Fact]
    public void PutOnHold_NeedsAReasonAndALaterReviewDate_AndWordsForOther()
    {
        Assert.Equal(["HoldReason", "ExpectedReviewDate"], Fields(new PutOnHoldArgs()));
        Assert.Equal(["ExpectedReviewDate"], Fields(new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = Today }));
        Assert.Empty(Fields(new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = Today.AddDays(1) }));
        Assert.Equal(["Comment"], Fields(new PutOnHoldArgs { HoldReason = HoldReason.Other, ExpectedReviewDate = Today.AddDays(1) }));
        Assert.Empty(Fields(new PutOnHoldArgs { HoldReason = HoldReason.Other, ExpectedReviewDate = Today.AddDays(1), Comment = "Family bereavement." }));
    }

    [Fact]
    public void ReviewHold_KeepsTheReasonWhenNoneIsGiven_ButNeedsALaterDate()
    {
        Assert.Equal(["ExpectedReviewDate"], Fields(new ReviewHoldArgs()));
        Assert.Equal(["ExpectedReviewDate"], Fields(new ReviewHoldArgs { ExpectedReviewDate = Today.AddDays(-1) }));
        Assert.Empty(Fields(new ReviewHoldArgs { ExpectedReviewDate = Today.AddDays(1) }));
        Assert.Empty(Fields(new ReviewHoldArgs { HoldReason = HoldReason.Other, ExpectedReviewDate = Today.AddDays(1) }));
    }

    [Theory]
    [InlineData("https://csp.example.org/dhr", true)]
    [InlineData("http://csp.example.org/dhr", false)]
    [InlineData("ftp://csp.example.org/dhr", false)]
    [InlineData("csp.example.org/dhr", false)]
    [InlineData(null, false)]
    public void Published_NeedsAWebAddress(string? link, bool valid) =>
        Assert.Equal(valid, Fields(new RecordPublishedArgs { PublicationLink = link }).Count == 0);

    [Fact]
    public void Published_AddressLongerThanTheLimit_IsRefused()
    {
        var at = "https://csp.example.org/";
        Assert.Empty(Fields(new RecordPublishedArgs { PublicationLink = at + new string('a', Domain.Submissions.SubmissionRules.LinkMaxLength - at.Length) }));
        Assert.Equal(["PublicationLink"], Fields(new RecordPublishedArgs { PublicationLink = at + new string('a', Domain.Submissions.SubmissionRules.LinkMaxLength - at.Length + 1) }));
    }

    [Fact]
    public void AppointAuthor_Imported_MayHaveNoAccount_ButStillAFee()
    {
        Assert.Empty(Fields(new AppointAuthorArgs { FeePence = 0 }, imported: true));
        Assert.Equal(["FeePence"], Fields(new AppointAuthorArgs(), imported: true));
        Assert.Equal(["AuthorUserId"], Fields(new AppointAuthorArgs { FeePence = 0 }));
    }

    [Fact]
    public void AppointAuthor_FeeAtTheCap_IsAccepted_AboveItIsNot()
    {
        Assert.Empty(Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = Money.MaxPence }));
        Assert.Equal(["FeePence"], Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = Money.MaxPence + 1 }));
        Assert.Equal(["SecondFeePence"], Fields(new AppointAuthorArgs { AuthorUserId = "a", FeePence = 0, SecondAuthorUserId = "b", SecondFeePence = -1 }));
        Assert.Equal(["AuthorUserId"], Fields(new AppointAuthorArgs { FeePence = 0, SecondAuthorUserId = "b", SecondFeePence = 0 }));
        Assert.Equal("Choose the chair to appoint.",
            new AppointAuthorArgs { FeePence = 0, SecondAuthorUserId = "b", SecondFeePence = 0 }.Validate(new TriggerCheck(Review, Today)).Single().Message);
    }

    [Fact]
    public async Task AppointAuthor_PeopleWithoutAnActiveAccount_AreNamedByTheirField()
    {
        var accounts = new Accounts("chair");
        var check = new TriggerCheck(Review, Today);
        var data = new TriggerData(null!, accounts);

        var one = await new AppointAuthorArgs { AuthorUserId = "chair", FeePence = 1 }.ValidateDataAsync(check, data, default);
        var two = await new AppointAuthorArgs { AuthorUserId = "gone", FeePence = 1, SecondAuthorUserId = "left", SecondFeePence = 1 }.ValidateDataAsync(check, data, default);
        var imported = await new AppointAuthorArgs { FeePence = 0 }.ValidateDataAsync(check with { Imported = true }, data, default);

        Assert.Empty(one);
        Assert.Equal(["AuthorUserId", "SecondAuthorUserId"], two.Select(e => e.Field));
        Assert.Empty(imported);
        Assert.Equal(["chair", "gone", "left"], accounts.Asked);
        Assert.Empty(await new PresentToCrgArgs().ValidateDataAsync(check, data, default));
    }

    private sealed class Accounts(params string[] active) : IChairAuthorAccounts
    {
        public List<string> Asked { get; } = [];

        public Task<bool> IsActiveAsync(IReviewDb db, string userId, CancellationToken ct)
        {
            Asked.Add(userId);
            return Task.FromResult(active.Contains(userId));
        }
    }
}
