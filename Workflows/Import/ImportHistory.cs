using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Workflows.Import;

/// The history a valid row replays through the workflow engine's import path: its steps in the order they happened,
/// each on its date in the sheet. Each part of the pipeline is one method in Parts that adds its steps when the row has
/// their dates; history the template gains (a new column of dates) is one more part, placed where its steps fall.
public static class ImportHistory
{
    public const string ImportComment = "Imported from the office's tracker.";

    private static readonly IReadOnlyList<Action<History>> Parts =
        [Presentation, Decision, Reversal, Appointment, SignOff, Submission, QualityAssurance, Publication, Closure, Stop];

    /// The steps that take a new review to `target` (for a review on hold, the stage it was held from) and, on hold,
    /// put it on hold. A step the review passed without its date in the sheet is recorded "date not recorded" and placed
    /// on the next date the sheet has (else the day its current hold began, else the day of the import): it is known to
    /// have happened by then, and a board report as at an earlier date does not count it. A month alone is placed on the
    /// month's last day, or that next date if earlier.
    public static IReadOnlyList<ImportedStep> Steps(TrackerEntry entry, Stage target, DateOnly today)
    {
        var history = new History(entry, target, today);
        foreach (var part in Parts)
        {
            part(history);
        }

        var steps = history.Placed();
        Hold(history, steps);
        return steps;
    }

    private sealed class History(TrackerEntry entry, Stage target, DateOnly today)
    {
        private readonly List<(DateOnly? On, DateOnly? NotAfter, TriggerArgs Args, DatePrecision Precision)> planned = [];

        public TrackerEntry Entry { get; } = entry;

        public TrackerDates Dates => Entry.Dates;

        public Stage Target { get; } = target;

        public DateOnly Today { get; } = today;

        /// The review passes the stage on its way to the target (a case without a review passes none of the review's).
        public bool Passes(Stage stage) => !Entry.WithoutReview && Target >= stage;

        public void Add(DateOnly on, TriggerArgs args) => planned.Add((on, null, args, DatePrecision.Day));

        /// The step, when the sheet has its date.
        public void AddOn(DateOnly? on, TriggerArgs args)
        {
            if (on is DateOnly date)
            {
                Add(date, args);
            }
        }

        /// The step on its date in the sheet; without one, when the review passed it all the same, "date not recorded".
        public void AddOn(DateOnly? on, bool passed, TriggerArgs args)
        {
            if (on is DateOnly date)
            {
                Add(date, args);
            }
            else if (passed)
            {
                AddUndated(args);
            }
        }

        public void AddUndated(TriggerArgs args) => planned.Add((null, null, args, DatePrecision.NotRecorded));

        public void AddInMonth(DateOnly firstDay, TriggerArgs args) => planned.Add((null, firstDay.AddMonths(1).AddDays(-1), args, DatePrecision.Month));

        /// Each step on its date; one without its day on the first date after it (see Steps).
        public List<ImportedStep> Placed()
        {
            // Nothing before a hold still running when the review was imported or stopped is placed after its first day.
            var next = Dates.HoldEnded is null && (Entry.Stage == Stage.OnHold || Entry.IsStopped) ? Dates.HoldStarts(Today) : Today;
            var steps = new ImportedStep[planned.Count];
            for (var i = planned.Count - 1; i >= 0; i--)
            {
                var (on, notAfter, args, precision) = planned[i];
                var placed = on ?? (notAfter is DateOnly last && last < next ? last : next);
                steps[i] = new ImportedStep(placed, args, precision);
                next = placed < next ? placed : next;
            }

            return [.. steps];
        }
    }

    private static void Presentation(History h)
    {
        if (h.Dates is { Presented: DateOnly month, PresentedMonthOnly: true })
        {
            h.AddInMonth(month, new PresentToCrgArgs());
        }
        else
        {
            h.AddOn(h.Dates.Presented, new PresentToCrgArgs());
        }
    }

    /// The CRG's decision on its date; without one, once the case is past it, "date not recorded" (a "criteria not met"
    /// decision keeps its date: TrackerRowRules).
    private static void Decision(History h)
    {
        if (h.Dates.Decision is null && (h.Target < Stage.DecisionNotified || h.Entry.CriteriaNotMet))
        {
            return;
        }

        h.AddOn(h.Dates.Decision, passed: true, h.Entry.Outcome switch
        {
            TrackerOutcome.AlternativeReview => new RecordCriteriaNotMetArgs { AlternativeReview = true, Comment = ImportComment },
            TrackerOutcome.CriteriaNotMet => new RecordCriteriaNotMetArgs { Comment = ImportComment },
            _ => new RecordCriteriaMetArgs { Comment = ImportComment },
        });
        // A reversed decision goes on from the new one (Reversal); the first reaches the Home Office if the sheet says so.
        if (h.Entry.CriteriaNotMet && h.Dates.ReversedOn is not null)
        {
            h.AddOn(h.Dates.HomeOfficeNotified, new RecordHomeOfficeNotifiedArgs());
            return;
        }

        TellTheHomeOffice(h, h.Dates.HomeOfficeNotified);
    }

    /// The Home Office told of the decision on its date in the tracker, else "date not recorded" once the case is past
    /// that stage; the tracker has no column for its acknowledgement of a review going ahead ("date not recorded").
    private static void TellTheHomeOffice(History h, DateOnly? toldOn)
    {
        var past = h.Target > Stage.DecisionNotified;
        h.AddOn(toldOn, past, new RecordHomeOfficeNotifiedArgs());
        if (past && !h.Entry.WithoutReview)
        {
            h.AddUndated(new RecordHomeOfficeAcknowledgedArgs());
        }
    }

    /// The CRG reversed its "criteria not met" (ReverseCriteriaNotMet, as on the review page): the criteria are met from
    /// the new decision, of which the Home Office is told (the tracker has no date for that: "date not recorded").
    private static void Reversal(History h)
    {
        if (h.Dates.ReversedOn is not DateOnly reversed || !h.Entry.CriteriaNotMet)
        {
            return;
        }

        h.Add(reversed, new ReverseCriteriaNotMetArgs { Reason = h.Entry.Reversal, Comment = ImportComment });
        TellTheHomeOffice(h, null);
    }

    // The tracker holds no account and no fee: the fee is recorded later as a cost in the budget if known.
    private static void Appointment(History h) => h.AddOn(h.Dates.Appointed, h.Passes(Stage.PanelAndReport), new AppointAuthorArgs { FeePence = 0 });

    /// The tracker has no column for the report going for sign-off: "date not recorded", as the sign-off without its date.
    private static void SignOff(History h)
    {
        if (h.Dates.SignedOff is not null || h.Passes(Stage.CrgSignOff))
        {
            h.AddUndated(new SubmitForSignOffArgs());
        }

        h.AddOn(h.Dates.SignedOff, h.Passes(Stage.Submitted), new RecordSignedOffArgs());
    }

    private static void Submission(History h) => h.AddOn(h.Dates.Submitted, h.Passes(Stage.Submitted), new SubmitToHomeOfficeArgs());

    private static void QualityAssurance(History h)
    {
        var outcome = h.Entry.QaOutcome!.Value;
        h.AddOn(h.Dates.QaOutcome, h.Passes(Stage.QaAmendments), TriggerArgs.For(outcome) with { Comment = ImportComment });
        // Published after amendments the tracker has no date for: "date not recorded".
        if (outcome == Trigger.RecordQaApprovedSubjectToAmendments && h.Passes(Stage.Publication))
        {
            h.AddUndated(new RecordAmendmentsMadeArgs());
        }
    }

    private static void Publication(History h) =>
        h.AddOn(h.Dates.Published, new RecordPublishedArgs { PublicationLink = h.Entry.PublicationLink });

    // A case the CRG did not take to review closes without one once the Home Office is told.
    private static void Closure(History h) => h.AddOn(h.Dates.Closed, h.Entry.WithoutReview ? new CloseWithoutReviewArgs() : new CloseReviewArgs());

    /// The hold, among the steps by its dates: a hold that ended is put on hold after the steps up to its first day and
    /// resumed before those from its last; a current one (or one the review was stopped in) starts on its date in the
    /// sheet, else on the day of the import ("date not recorded").
    private static void Hold(History h, List<ImportedStep> steps)
    {
        if (h.Dates is { HeldSince: DateOnly since, HoldEnded: DateOnly ended })
        {
            var at = steps.FindLastIndex(s => s.On <= since) + 1;
            steps.InsertRange(at,
            [
                new ImportedStep(since, new PutOnHoldArgs { HoldReason = h.Entry.HoldReason, ExpectedReviewDate = h.Dates.HoldReviewBy(h.Today), Comment = ImportComment }),
                new ImportedStep(ended, new ResumeArgs { Comment = ImportComment }),
            ]);
        }
        else if (h.Entry.Stage == Stage.OnHold || (h.Entry.IsStopped && h.Dates.HeldSince is not null))
        {
            // On hold now, or until the review was stopped (Stop ends the hold, which comes after it).
            var starts = h.Dates.HoldStarts(h.Today);
            var at = h.Entry.IsStopped ? steps.Count - 1 : steps.Count;
            steps.Insert(at, new ImportedStep(starts,
                new PutOnHoldArgs { HoldReason = h.Entry.HoldReason, ExpectedReviewDate = h.Dates.HoldReviewBy(h.Today), Comment = ImportComment },
                h.Dates.HeldSince is null ? DatePrecision.NotRecorded : DatePrecision.Day));
        }
    }

    /// Stopped with the Home Office's agreement: the engine's StopReview ends the review's tasks, clocks, timers and hold,
    /// as for a review stopped in the portal. An imported review has no agency requests or panel for the closing work
    /// (IClosingWork) to withdraw.
    private static void Stop(History h) => h.AddOn(h.Dates.Stopped, new StopReviewArgs { Comment = h.Entry.StopReason });
}
