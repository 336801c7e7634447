using Domain;
using Domain.Access;
using Domain.Crg;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Crg;

public sealed record CrgOutcomeInput(CrgItemOutcome? Outcome, string? Rationale, bool AlternativeReview, IReadOnlyList<string> Amendments);

/// After the meeting the officer records what the CRG decided about one case on the agenda. It moves the review on
/// through the workflow engine with the meeting date: a case not yet presented is presented (the meeting date is then
/// the date first presented), then the decision or sign-off is recorded with the rationale. The keys are the agenda
/// item's, so recording the same outcome again makes no second transition. "More information needed" puts the case
/// on the next meeting's agenda (or, if none is planned yet, it is proposed when the next meeting is created).
public sealed class RecordCrgOutcomeHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine)
{
    public async Task<Result<TransitionResult>> HandleAsync(Actor actor, long itemId, CrgOutcomeInput input, CancellationToken ct = default)
    {
        CrgAgendaItem item;
        CrgMeeting meeting;
        Review review;
        int? nextMeetingId;
        await using (var db = await dbs.CreateAsync(ct))
        {
            var found = await db.CrgAgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
            var owner = found is null ? null : await db.CrgMeetings.AsNoTracking().SingleAsync(m => m.Id == found.MeetingId, ct);
            if (found is null || owner is null || !CrgAccess.CanChange(actor, owner.OfficeId))
            {
                await audit.RefusedAsync(db, actor, "CrgAgendaItem", itemId.ToString(), found?.ReviewId, "record CRG outcome", ct);
                return new AccessRefused("this CRG meeting's agenda");
            }

            (item, meeting) = (found, owner);
            if (item.Outcome is CrgItemOutcome recorded && recorded != input.Outcome)
            {
                return new Error($"The CRG's outcome for this case is already recorded: {CrgRules.Describe(recorded)}.", "Outcome");
            }

            var errors = CrgRules.ValidateOutcome(item.Purpose, input.Outcome, input.Rationale, input.Amendments, meeting.MeetingDate, clock.Today);
            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == item.ReviewId, ct);
            nextMeetingId = await db.CrgMeetings.AsNoTracking()
                .Where(m => m.OfficeId == meeting.OfficeId && m.MeetingDate > meeting.MeetingDate && !m.Items.Any(i => i.ReviewId == item.ReviewId))
                .OrderBy(m => m.MeetingDate).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        }

        var outcome = input.Outcome!.Value;
        if (item.Purpose == AgendaPurpose.Decision && review.Stage == Stage.NotificationReceived)
        {
            var presented = await engine.FireAsync(review.Id, Trigger.PresentToCrg, new TriggerArgs { Date = meeting.MeetingDate }, actor,
                $"crg-item:{item.Id}:present", ct);
            if (!presented.IsSuccess)
            {
                return presented;
            }
        }

        var amendments = input.Amendments.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var rationale = string.IsNullOrWhiteSpace(input.Rationale) ? null : input.Rationale.Trim();
        var args = new TriggerArgs
        {
            Date = meeting.MeetingDate,
            Comment = outcome == CrgItemOutcome.AmendmentsRequired ? AmendmentsComment(rationale, amendments) : rationale,
            AlternativeReview = outcome == CrgItemOutcome.CriteriaNotMet && input.AlternativeReview,
        };
        var now = clock.UtcNow;
        return await engine.FireAsync(review.Id, TriggerFor(outcome), args, actor, $"crg-item:{item.Id}:outcome", (db, _) =>
        {
            db.CrgAgendaItems.Attach(item);
            item.Outcome = outcome;
            item.Rationale = rationale;
            item.AlternativeReview = args.AlternativeReview;
            item.OutcomeRecordedAtUtc = now;
            item.OutcomeRecordedByUserId = actor.UserId;
            for (var i = 0; i < amendments.Count; i++)
            {
                db.CrgAmendments.Add(new CrgAmendment { AgendaItemId = item.Id, ReviewId = review.Id, Number = i + 1, Text = amendments[i] });
            }

            if (outcome == CrgItemOutcome.MoreInformationNeeded && nextMeetingId is int next)
            {
                db.CrgAgendaItems.Add(new CrgAgendaItem
                {
                    MeetingId = next, ReviewId = review.Id, Purpose = AgendaPurpose.Decision, Proposed = true, CarriedFromItemId = item.Id, AddedAtUtc = now,
                });
            }
        }, ct);
    }

    public static Trigger TriggerFor(CrgItemOutcome outcome) => outcome switch
    {
        CrgItemOutcome.CriteriaMet => Trigger.RecordCriteriaMet,
        CrgItemOutcome.CriteriaNotMet => Trigger.RecordCriteriaNotMet,
        CrgItemOutcome.MoreInformationNeeded => Trigger.RecordMoreInformationNeeded,
        CrgItemOutcome.SignedOff => Trigger.RecordSignedOff,
        CrgItemOutcome.AmendmentsRequired => Trigger.RecordAmendmentsRequired,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static string AmendmentsComment(string? rationale, List<string> amendments)
    {
        var text = (rationale is null ? string.Empty : rationale + "\n") + "Amendments required:\n"
            + string.Join("\n", amendments.Select((a, i) => $"{i + 1}. {a}"));
        return text.Length <= JournalEntry.CommentMaxLength ? text : text[..(JournalEntry.CommentMaxLength - 3)] + "...";
    }
}
