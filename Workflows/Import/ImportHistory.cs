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
        [Presentation, Decision, Reversal, Appointment, SignOff, Submission, QualityAssurance, Publication, Closure, Hold, Stop];

    /// The steps that take a new review to `target` (for a review on hold, the stage it was held from) and, on hold,
    /// put it on hold. `today` stands in for the dates the tracker cannot have.
    public static IReadOnlyList<ImportedStep> Steps(TrackerEntry entry, Stage target, DateOnly today)
    {
        var history = new History(entry, target, today);
        foreach (var part in Parts)
        {
            part(history);
        }

        return history.Steps;
    }

    private sealed class History(TrackerEntry entry, Stage target, DateOnly today)
    {
        public TrackerEntry Entry { get; } = entry;

        public TrackerDates Dates => Entry.Dates;

        public Stage Target { get; } = target;

        public DateOnly Today { get; } = today;

        public List<ImportedStep> Steps { get; } = [];

        public void Add(DateOnly on, TriggerArgs args) => Steps.Add(new ImportedStep(on, args));

        /// The step, when the sheet has its date.
        public void AddOn(DateOnly? on, TriggerArgs args)
        {
            if (on is DateOnly date)
            {
                Add(date, args);
            }
        }
    }

    private static void Presentation(History h) => h.AddOn(h.Dates.Presented, new PresentToCrgArgs());

    private static void Decision(History h)
    {
        if (h.Dates.Decision is not DateOnly decided)
        {
            return;
        }

        h.Add(decided, h.Entry.Outcome switch
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

        TellTheHomeOffice(h, decided, h.Dates.HomeOfficeNotified);
    }

    /// Without its own date in the tracker, the Home Office is taken to have been told on the day of the decision, and to
    /// have acknowledged a review going ahead on the day it was told.
    private static void TellTheHomeOffice(History h, DateOnly decided, DateOnly? toldOn)
    {
        var told = toldOn ?? decided;
        if (toldOn is not null || h.Target > Stage.DecisionNotified)
        {
            h.Add(told, new RecordHomeOfficeNotifiedArgs());
        }

        if (h.Target > Stage.DecisionNotified && !h.Entry.WithoutReview)
        {
            h.Add(told, new RecordHomeOfficeAcknowledgedArgs());
        }
    }

    /// The CRG reversed its "criteria not met" (ReverseCriteriaNotMet, as on the review page): the criteria are met from
    /// the new decision, of which the Home Office is told (the tracker has no date for that: the new decision's).
    private static void Reversal(History h)
    {
        if (h.Dates.ReversedOn is not DateOnly reversed || !h.Entry.CriteriaNotMet)
        {
            return;
        }

        h.Add(reversed, new ReverseCriteriaNotMetArgs { Reason = h.Entry.Reversal, Comment = ImportComment });
        TellTheHomeOffice(h, reversed, null);
    }

    // The tracker holds no account and no fee: the fee is recorded later as a cost in the budget if known.
    private static void Appointment(History h) => h.AddOn(h.Dates.Appointed, new AppointAuthorArgs { FeePence = 0 });

    private static void SignOff(History h)
    {
        if (h.Dates.SignedOff is DateOnly signedOff)
        {
            h.Add(signedOff, new SubmitForSignOffArgs());
            h.Add(signedOff, new RecordSignedOffArgs());
        }
        else if (h.Target == Stage.CrgSignOff)
        {
            // Sent for sign-off, not signed off yet: the tracker has no date for it, so the day of the import stands in.
            h.Add(h.Today, new SubmitForSignOffArgs { Comment = "Imported: the date it went for sign-off is not in the tracker." });
        }
    }

    private static void Submission(History h) => h.AddOn(h.Dates.Submitted, new SubmitToHomeOfficeArgs());

    private static void QualityAssurance(History h)
    {
        if (h.Dates.QaOutcome is not DateOnly outcomeOn)
        {
            return;
        }

        var outcome = h.Entry.QaOutcome!.Value;
        h.Add(outcomeOn, TriggerArgs.For(outcome) with { Comment = ImportComment });
        // Published after amendments the tracker has no date for: they are taken as made on publication (or the outcome's day).
        if (outcome == Trigger.RecordQaApprovedSubjectToAmendments && h.Target >= Stage.Publication && h.Target != Stage.QaAmendments)
        {
            h.Add(h.Dates.Published ?? outcomeOn, new RecordAmendmentsMadeArgs());
        }
    }

    private static void Publication(History h) =>
        h.AddOn(h.Dates.Published, new RecordPublishedArgs { PublicationLink = h.Entry.PublicationLink });

    // A case the CRG did not take to review closes without one once the Home Office is told.
    private static void Closure(History h) => h.AddOn(h.Dates.Closed, h.Entry.WithoutReview ? new CloseWithoutReviewArgs() : new CloseReviewArgs());

    private static void Hold(History h)
    {
        if (h.Dates is { HeldSince: DateOnly since, HoldEnded: DateOnly ended })
        {
            // A hold that ended: put on hold after the steps up to its first day, resumed before those from its last.
            var at = h.Steps.FindLastIndex(s => s.On <= since) + 1;
            h.Steps.InsertRange(at,
            [
                new ImportedStep(since, new PutOnHoldArgs { HoldReason = h.Entry.HoldReason, ExpectedReviewDate = h.Dates.HoldReviewBy(h.Today), Comment = ImportComment }),
                new ImportedStep(ended, new ResumeArgs { Comment = ImportComment }),
            ]);
        }
        else if (h.Entry.Stage == Stage.OnHold || (h.Entry.IsStopped && h.Dates.HeldSince is not null))
        {
            // On hold now, or until the review was stopped (Stop ends the hold).
            h.Add(h.Dates.HoldStarts(h.Today),
                new PutOnHoldArgs { HoldReason = h.Entry.HoldReason, ExpectedReviewDate = h.Dates.HoldReviewBy(h.Today), Comment = ImportComment });
        }
    }

    /// Stopped with the Home Office's agreement: the engine's StopReview ends the review's tasks, clocks, timers and hold,
    /// as for a review stopped in the portal. An imported review has no agency requests or panel for the closing work
    /// (IClosingWork) to withdraw.
    private static void Stop(History h) => h.AddOn(h.Dates.Stopped, new StopReviewArgs { Comment = h.Entry.StopReason });
}
