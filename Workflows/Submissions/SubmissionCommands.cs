using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Submissions;

public sealed record SubmissionInput(SubmissionChecklist Checklist, DateOnly? SubmittedOn, DateOnly? CommissionerCopyOn);

public sealed record QaOutcomeInput(QaOutcome? Outcome, DateOnly? Date, IReadOnlyList<string> Points, string? Comment);

public sealed record PublicationInput(DateOnly? PublishedOn, string? Link);

/// Submission to the Home Office, its QA outcome, the feedback checklist, the amendments and publication. Each
/// command checks its own rules first (nothing is saved on bad input), then moves the review on through the workflow
/// engine with the form's idempotency key and the version the page showed; what it records beside the transition is
/// saved in the same transaction.
public sealed class SubmissionCommands(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine)
{
    public async Task<Result<TransitionResult>> SubmitAsync(Actor actor, int reviewId, SubmissionInput input, int expectedVersion, string key,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await LoadAsync(db, actor, reviewId, "submit to the Home Office", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (command, previous) = loaded.Value;
        var errors = SubmissionRules.ValidateSubmission(input.Checklist, input.SubmittedOn, input.CommissionerCopyOn, command.Review.SignedOffOn, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var args = new SubmitToHomeOfficeArgs { Date = input.SubmittedOn, ExpectedVersion = expectedVersion };
        if (await command.FireAsync(args, key, ct) is { } error)
        {
            return error;
        }

        if (command.Repeated is { } earlier)
        {
            return earlier;
        }

        var c = input.Checklist;
        command.Review.QaPointsOutstanding = 0;
        db.HomeOfficeSubmissions.Add(new HomeOfficeSubmission
        {
            ReviewId = reviewId,
            Number = previous.Count + 1,
            SubmittedOn = input.SubmittedOn!.Value,
            CommissionerCopyOn = input.CommissionerCopyOn!.Value,
            OverviewReport = c.OverviewReport.Ticked, OverviewReportDocumentId = c.OverviewReport.DocumentId,
            ExecutiveSummary = c.ExecutiveSummary.Ticked, ExecutiveSummaryDocumentId = c.ExecutiveSummary.DocumentId,
            ActionPlan = c.ActionPlan.Ticked, ActionPlanDocumentId = c.ActionPlan.DocumentId,
            DataCollectionForm = c.DataCollectionForm.Ticked, DataCollectionFormDocumentId = c.DataCollectionForm.DocumentId,
            RecordedAtUtc = command.NowUtc,
            RecordedByUserId = actor.UserId,
        });
        return await command.SaveAsync(ct);
    }

    public async Task<Result<TransitionResult>> RecordQaOutcomeAsync(Actor actor, int reviewId, QaOutcomeInput input, int expectedVersion, string key,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await LoadAsync(db, actor, reviewId, "record the QA outcome", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (command, submissions) = loaded.Value;
        var review = command.Review;
        var latest = submissions.Count > 0 && submissions[^1].QaOutcome is null ? submissions[^1] : null;
        if (latest is null && review is { Stage: Stage.Submitted, SubmittedOn: DateOnly submittedOn })
        {
            // Submitted before the portal kept the checklist (e.g. through the generic action): the outcome adds its row.
            latest = new HomeOfficeSubmission
            {
                ReviewId = reviewId, Number = submissions.Count + 1, SubmittedOn = submittedOn, RecordedAtUtc = clock.UtcNow, RecordedByUserId = actor.UserId,
            };
        }

        if (latest is null)
        {
            return new Error("There is no submission waiting for a QA outcome: record the submission to the Home Office first.");
        }

        var points = input.Points.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var errors = SubmissionRules.ValidateQaOutcome(input.Outcome, points, input.Date, latest.SubmittedOn, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var outcome = input.Outcome!.Value;
        TriggerArgs fired = outcome switch
        {
            QaOutcome.Approved => new RecordQaApprovedArgs(),
            QaOutcome.ApprovedSubjectToAmendments => new RecordQaApprovedSubjectToAmendmentsArgs(),
            _ => new RecordQaResubmitArgs(),
        };
        var listed = string.Join("\n", points.Select((p, i) => $"{i + 1}. {p}"));
        var comment = string.Join("\n", new[] { input.Comment?.Trim(), points.Count > 0 ? "Feedback points:\n" + listed : null }.Where(t => !string.IsNullOrEmpty(t)));
        if (comment.Length > JournalEntry.CommentMaxLength)
        {
            comment = comment[..(JournalEntry.CommentMaxLength - 3)] + "...";
        }

        var args = fired with { Date = input.Date, Comment = comment.Length == 0 ? null : comment, ExpectedVersion = expectedVersion };
        if (await command.FireAsync(args, key, ct) is { } error)
        {
            return error;
        }

        if (command.Repeated is { } earlier)
        {
            return earlier;
        }

        if (latest.Id == 0)
        {
            db.HomeOfficeSubmissions.Add(latest);
        }

        latest.QaOutcome = outcome;
        latest.QaOutcomeOn = input.Date;
        for (var i = 0; i < points.Count; i++)
        {
            latest.FeedbackPoints.Add(new QaFeedbackPoint { ReviewId = reviewId, Number = i + 1, Text = points[i] });
        }

        // Only "approved subject to amendments" waits for the points; a resubmission goes through sign-off again.
        review.QaPointsOutstanding = outcome == QaOutcome.ApprovedSubjectToAmendments ? points.Count : 0;
        return await command.SaveAsync(ct);
    }

    /// Ticks (or unticks) a feedback point as addressed. The review's count of open points, which the engine's guard
    /// on "amendments made" reads, changes in the same transaction.
    public async Task<Result<int>> SetPointAddressedAsync(Actor actor, long pointId, bool addressed, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var point = await db.QaFeedbackPoints.SingleOrDefaultAsync(p => p.Id == pointId, ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = point is null ? CaseAccess.None : await scope.ForAsync(db, point.ReviewId, ct);
        if (point is null || !access.CanChange || !actor.Is(Role.ReviewOfficer))
        {
            await audit.RefusedAsync(db, actor, "QaFeedbackPoint", pointId.ToString(), point?.ReviewId, "tick QA feedback point", ct);
            return new AccessRefused("this review's QA feedback");
        }

        var review = await db.Reviews.SingleAsync(r => r.Id == point.ReviewId, ct);
        var latestId = await db.HomeOfficeSubmissions.Where(s => s.ReviewId == review.Id).OrderByDescending(s => s.Number).Select(s => s.Id).FirstAsync(ct);
        if (point.SubmissionId != latestId || review.Stage != Stage.QaAmendments)
        {
            return new Error("This feedback point belongs to a QA outcome that is no longer open: nothing to tick.");
        }

        point.AddressedAtUtc = addressed ? point.AddressedAtUtc ?? clock.UtcNow : null;
        point.AddressedByUserId = addressed ? point.AddressedByUserId ?? actor.UserId : null;
        var others = await db.QaFeedbackPoints.CountAsync(p => p.SubmissionId == latestId && p.Id != point.Id && p.AddressedAtUtc == null, ct);
        review.QaPointsOutstanding = others + (addressed ? 0 : 1);
        review.Version++;
        audit.Add(db, actor, AuditAction.Changed, "QaFeedbackPoint", point.Id.ToString(), review.Id, review.Reference,
            addressed ? $"point {point.Number} addressed" : $"point {point.Number} reopened");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This review");
        }

        return review.QaPointsOutstanding;
    }

    public async Task<Result<TransitionResult>> PublishAsync(Actor actor, int reviewId, PublicationInput input, int expectedVersion, string key,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await LoadAsync(db, actor, reviewId, "record publication", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (command, submissions) = loaded.Value;
        var errors = SubmissionRules.ValidatePublication(input.PublishedOn, input.Link, submissions.Count == 0 ? null : submissions[^1].SubmittedOn, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var args = new RecordPublishedArgs { Date = input.PublishedOn, PublicationLink = input.Link!.Trim(), ExpectedVersion = expectedVersion };
        if (await command.FireAsync(args, key, ct) is { } error)
        {
            return error;
        }

        return command.Repeated ?? await command.SaveAsync(ct);
    }

    /// The command on the review (for a review officer of its lead office) and its submissions (tracked), oldest first;
    /// a refusal is audited.
    private async Task<Result<(ReviewCommand Command, List<HomeOfficeSubmission> Submissions)>> LoadAsync(IReviewDb db, Actor actor, int reviewId, string what,
        CancellationToken ct)
    {
        var opened = await engine.OpenAsync(db, reviewId, actor, what, ct);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        var command = opened.Value;
        if (!command.Access.CanChange || !actor.Is(Role.ReviewOfficer))
        {
            return await command.RefuseAsync(what, "changing this review: only a review officer of its lead office can", ct);
        }

        var submissions = await db.HomeOfficeSubmissions.Where(s => s.ReviewId == reviewId).OrderBy(s => s.Number).ToListAsync(ct);
        return (command, submissions);
    }
}
