using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reviews;

public sealed record ReviewDetails(
    int Id,
    string Reference,
    string CaseLabel,
    ReviewType Type,
    bool JointWithSar,
    bool JointWithCspr,
    bool IsAlternativeReview,
    string LeadCsp,
    string LeadOffice,
    IReadOnlyList<string> OtherCsps,
    string NotifyingAgency,
    DateOnly DateNotified,
    int DeathYear,
    int DeathMonth,
    int NumberOfDeceased,
    string Summary,
    Stage Stage,
    string Definition,
    DateTime CreatedAtUtc,
    CaseAccess Access,
    RestrictedDetails? Restricted,
    IReadOnlyList<AuditRow> History);

/// Opens a review page: checks need-to-know, audits the view (or the refusal), and returns real names only to
/// those allowed to see them. Call it once per view (not on prerender).
public sealed class GetReviewHandler(IReviewDbFactory dbs, AuditLog audit, AtRest atRest)
{
    public async Task<Result<ReviewDetails>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var access = await scope.ForAsync(db, reviewId, ct);
        if (!access.CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view review", ct);
            // The same answer whether or not it exists: a refused reader learns nothing.
            return new AccessRefused("this review");
        }

        var r = await db.Reviews.AsNoTracking()
            .Include(x => x.InvolvedCsps)
            .SingleAsync(x => x.Id == reviewId, ct);
        var orgIds = r.InvolvedCsps.Select(c => c.CspId).Append(r.LeadCspId).Append(r.LeadOfficeId).Append(r.NotifyingAgencyId).ToArray();
        var names = await db.Organisations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var restricted = access.CanSeeRestricted
            ? await db.RestrictedDetails.AsNoTracking().SingleOrDefaultAsync(x => x.ReviewId == reviewId, ct)
            : null;
        if (restricted is not null)
        {
            restricted.DeceasedNames = atRest.Unprotect(AtRest.DeceasedNames, restricted.DeceasedNames);
            restricted.PerpetratorNames = atRest.Unprotect(AtRest.PerpetratorNames, restricted.PerpetratorNames);
        }
        var history = access.CanChange || actor.Is(Role.DataProtectionOfficer)
            ? await AuditRows.InWordsAsync(db, await db.AuditEvents.AsNoTracking().Where(a => a.ReviewId == reviewId)
                .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct), withDetail: true, ct)
            : [];

        audit.Add(db, actor, AuditAction.Viewed, "Review", r.Id.ToString(), r.Id, r.Reference,
            restricted is null ? "review page" : "review page, with restricted details");
        await db.SaveChangesAsync(ct);

        return new ReviewDetails(
            r.Id, r.Reference, r.CaseLabel, r.Type, r.JointWithSar, r.JointWithCspr, r.IsAlternativeReview,
            names[r.LeadCspId], names[r.LeadOfficeId],
            r.InvolvedCsps.Select(c => names[c.CspId]).Order().ToList(),
            names[r.NotifyingAgencyId], r.DateNotified, r.DeathYear, r.DeathMonth, r.NumberOfDeceased, r.Summary,
            r.Stage, Process.ProcessDefinition.Describe(r.DefinitionId, r.DefinitionVersion), r.CreatedAtUtc, access, restricted, history);
    }
}
