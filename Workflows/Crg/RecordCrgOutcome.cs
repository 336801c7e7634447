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
/// the date first presented), then the decision or sign-off is recorded with the rationale, and the agenda item with
/// it: one transaction. The keys are the agenda item's, so recording the same outcome again makes no second
/// transition. "More information needed" puts the case on the next meeting's agenda (or, if none is planned yet, it
/// is proposed when the next meeting is created).
public sealed class RecordCrgOutcomeHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine)
{
    public async Task<Result<TransitionResult>> HandleAsync(Actor actor, long itemId, CrgOutcomeInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var item = await db.CrgAgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        var meeting = item is null ? null : await db.CrgMeetings.AsNoTracking().SingleAsync(m => m.Id == item.MeetingId, ct);
        if (item is null || meeting is null || !CrgAccess.CanChange(actor, meeting.OfficeId))
        {
            await audit.RefusedAsync(db, actor, "CrgAgendaItem", itemId.ToString(), item?.ReviewId, "record CRG outcome", ct);
            return new AccessRefused("this CRG meeting's agenda");
        }

        if (item.Outcome is CrgItemOutcome recorded && recorded != input.Outcome)
        {
            return new Error($"The CRG's outcome for this case is already recorded: {CrgRules.Describe(recorded)}.", "Outcome");
        }

        var errors = CrgRules.ValidateOutcome(item.Purpose, input.Outcome, input.Rationale, input.Amendments, meeting.MeetingDate, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var opened = await engine.OpenAsync(db, item.ReviewId, actor, "record CRG outcome", ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        var review = command.Review;
        var outcome = input.Outcome!.Value;
        if (item.Purpose == AgendaPurpose.Decision && review.Stage == Stage.NotificationReceived
            && await command.FireAsync(new PresentToCrgArgs { Date = meeting.MeetingDate }, $"crg-item:{item.Id}:present", ct) is { } notPresented)
        {
            return notPresented;
        }

        var amendments = input.Amendments.Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        var rationale = string.IsNullOrWhiteSpace(input.Rationale) ? null : input.Rationale.Trim();
        var alternative = outcome == CrgItemOutcome.CriteriaNotMet && input.AlternativeReview;
        var args = ArgsFor(outcome, alternative) with
        {
            Date = meeting.MeetingDate,
            Comment = outcome == CrgItemOutcome.AmendmentsRequired ? AmendmentsComment(rationale, amendments) : rationale,
        };
        if (await command.FireAsync(args, $"crg-item:{item.Id}:outcome", ct) is { } notRecorded)
        {
            return notRecorded;
        }

        if (command.Repeated is { } earlier)
        {
            return earlier;
        }

        item.Outcome = outcome;
        item.Rationale = rationale;
        item.AlternativeReview = alternative;
        item.OutcomeRecordedAtUtc = command.NowUtc;
        item.OutcomeRecordedByUserId = actor.UserId;
        for (var i = 0; i < amendments.Count; i++)
        {
            db.CrgAmendments.Add(new CrgAmendment { AgendaItemId = item.Id, ReviewId = review.Id, Number = i + 1, Text = amendments[i] });
        }

        if (outcome == CrgItemOutcome.MoreInformationNeeded)
        {
            var next = await db.CrgMeetings.AsNoTracking()
                .Where(m => m.OfficeId == meeting.OfficeId && m.MeetingDate > meeting.MeetingDate && !m.Items.Any(i => i.ReviewId == item.ReviewId))
                .OrderBy(m => m.MeetingDate).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            if (next is int nextId)
            {
                db.CrgAgendaItems.Add(new CrgAgendaItem
                {
                    MeetingId = nextId, ReviewId = review.Id, Purpose = AgendaPurpose.Decision, Proposed = true, CarriedFromItemId = item.Id,
                    AddedAtUtc = command.NowUtc,
                });
            }
        }

        return await command.SaveAsync(ct);
    }

    private static TriggerArgs ArgsFor(CrgItemOutcome outcome, bool alternativeReview) => outcome switch
    {
        CrgItemOutcome.CriteriaMet => new RecordCriteriaMetArgs(),
        CrgItemOutcome.CriteriaNotMet => new RecordCriteriaNotMetArgs { AlternativeReview = alternativeReview },
        CrgItemOutcome.MoreInformationNeeded => new RecordMoreInformationNeededArgs(),
        CrgItemOutcome.SignedOff => new RecordSignedOffArgs(),
        CrgItemOutcome.AmendmentsRequired => new RecordAmendmentsRequiredArgs(),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    private static string AmendmentsComment(string? rationale, List<string> amendments)
    {
        var text = (rationale is null ? string.Empty : rationale + "\n") + "Amendments required:\n"
            + string.Join("\n", amendments.Select((a, i) => $"{i + 1}. {a}"));
        return text.Length <= JournalEntry.CommentMaxLength ? text : text[..(JournalEntry.CommentMaxLength - 3)] + "...";
    }
}
