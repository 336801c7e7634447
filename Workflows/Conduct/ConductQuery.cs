using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Conduct;

/// The findings and conduct of one review as its page shows them. CanRecord: the reader keeps them and the review is at
/// a stage they are recorded at; StageNote says why not when the reader keeps them but the stage does not allow it.
public sealed record ConductView(int ReviewId, bool CanRecord, string? StageNote, DateOnly Notified, FindingsView? Findings,
    IReadOnlyList<TermsVersionView> Terms, InterviewPage Interviews);

/// Reads a review's findings and conduct (ConductAccess); each read is audited once, a refusal too.
public sealed class ConductQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest)
{
    /// interviewPage: the page of the interview log to show (1: the newest interviews).
    public async Task<Result<ConductView>> HandleAsync(Actor actor, int reviewId, int interviewPage = 1, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ConductAccess.CheckAsync(db, audit, actor, reviewId, edit: false, "view findings and conduct", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var review = checkedAccess.Value;
        var atStage = ConductAccess.IsRecordedAt(review.Stage);
        var view = new ConductView(reviewId, review.Access.CanChange && atStage,
            review.Access.CanChange && !atStage ? ConductAccess.WrongStage(review.Stage).Message : null, review.Notified,
            await SaveFindingsHandler.LoadAsync(db, atRest, reviewId, ct), await RecordTermsOfReferenceHandler.LoadAsync(db, atRest, reviewId, ct),
            await RecordInterviewHandler.LoadAsync(db, atRest, reviewId, interviewPage, ct));
        audit.Add(db, actor, AuditAction.Viewed, ConductAccess.Subject, reviewId.ToString(CultureInfo.InvariantCulture), reviewId, review.Reference,
            "findings and conduct");
        await db.SaveChangesAsync(ct);
        return view;
    }
}
