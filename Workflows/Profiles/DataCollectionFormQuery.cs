using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Profiles;

/// What the data collection form is written from: the review as the Home Office knows it (reference, case label, lead
/// CSP, dates) and its case profile. No real names: the review is named by its reference and case label, as in every
/// other document the portal writes; an office whose form asks for names adds them by hand.
public sealed record DataCollectionForm(string Reference, string CaseLabel, string LeadCsp, string Type, DateOnly DateNotified, string MonthOfDeath,
    int NumberOfDeceased, CaseProfileView Profile, DateOnly Written)
{
    public string FileName => $"{Reference}-data-collection-form.docx";
}

/// The data collection form of one review, for those who may read its case profile. Each download is audited as an
/// export; a refusal is audited as the profile's refusals are.
public sealed class DataCollectionFormQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest, Time.BusinessClock clock)
{
    public async Task<Result<DataCollectionForm>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await ProfileAccess.CheckAsync(db, audit, actor, reviewId, edit: false, "download data collection form", ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var (access, reference, label) = checkedAccess.Value;
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId)
            .Select(r => new { r.LeadCspId, r.Type, r.IsAlternativeReview, r.DateNotified, r.DeathYear, r.DeathMonth, r.NumberOfDeceased }).SingleAsync(ct);
        var csp = await db.Organisations.AsNoTracking().Where(o => o.Id == review.LeadCspId).Select(o => o.Name).SingleAsync(ct);
        var profile = await CaseProfileQuery.LoadAsync(db, atRest, reviewId, reference, label, access.CanChange, ct);

        audit.Add(db, actor, AuditAction.Exported, ProfileAccess.Subject, reviewId.ToString(CultureInfo.InvariantCulture), reviewId, reference,
            "data collection form downloaded");
        await db.SaveChangesAsync(ct);
        return new DataCollectionForm(reference, label, csp,
            StageNames.Describe(review.Type) + (review.IsAlternativeReview ? " (alternative review)" : string.Empty),
            review.DateNotified,
            review.DeathYear > 0 && review.DeathMonth is >= 1 and <= 12 ? UkDate.FormatMonth(review.DeathYear, review.DeathMonth) : "Not recorded", review.NumberOfDeceased, profile, clock.Today);
    }
}
