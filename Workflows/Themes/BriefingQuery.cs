using System.Globalization;
using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Family;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Submissions;

namespace Workflows.Themes;

/// A review's briefing as the page and the .docx show it: the saved texts (or the pre-filled draft until first saved), the
/// review named by reference, case label and the family's agreed pseudonym (never a real name), the publication links, and
/// the version the editor saves against (0: not saved yet).
public sealed record BriefingView(int ReviewId, string Reference, string CaseLabel, string? Pseudonym, BriefingTexts Texts, BriefingTexts Prefilled,
    IReadOnlyList<PublicationLinkView> PublicationLinks, int Version, DateTime? UpdatedAtUtc, string? UpdatedBy, bool CanEdit, DateOnly Written)
{
    public bool IsSaved => Version > 0;

    public string FileName => $"{Reference}-briefing.docx";
}

/// Who reads and keeps a review's briefing (issue 18). Until the report is published its summary may hold case details, so
/// it is read (and downloaded) by those who may read the review's restricted details: the lead office's officers and
/// managers, the appointed chair/author and the data protection officer; it is kept by the lead office's officers and
/// managers. Everyone else is refused and the refusal audited, whether or not the review exists. Both only from CRG sign-off.
public static class BriefingAccess
{
    public const string Subject = "Briefing";

    public static async Task<Result<(CaseAccess Access, string Reference)>> CheckAsync(IReviewDb db, AuditLog audit, Actor actor, int reviewId, bool edit,
        string what, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (edit ? !(access.CanChange && actor.IsOfficeStaff) : !access.CanSeeRestricted)
        {
            await audit.RefusedAsync(db, actor, Subject, reviewId.ToString(CultureInfo.InvariantCulture), reviewId, what, ct);
            return new AccessRefused("this review's briefing");
        }

        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.Stage, r.HeldFromStage }).SingleAsync(ct);
        if (!BriefingRules.MayWrite(review.Stage, review.HeldFromStage))
        {
            return new Error(BriefingRules.TooEarly);
        }

        return (access, review.Reference);
    }

    /// A saved briefing's texts in plain (they are stored protected).
    public static BriefingTexts Texts(AtRest atRest, ReviewBriefing b) => new(
        atRest.Unprotect(AtRest.BriefingSummary, b.Summary), atRest.Unprotect(AtRest.BriefingThemes, b.Themes),
        atRest.Unprotect(AtRest.BriefingRecommendations, b.Recommendations), atRest.Unprotect(AtRest.BriefingQuestions, b.Questions));
}

/// The briefing of one review for the page (audited as a view) and for the .docx download (audited as an export).
public sealed class BriefingQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest, Time.BusinessClock clock)
{
    public Task<Result<BriefingView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default) =>
        LoadAsync(actor, reviewId, AuditAction.Viewed, "view briefing", "briefing", ct);

    public Task<Result<BriefingView>> DownloadAsync(Actor actor, int reviewId, CancellationToken ct = default) =>
        LoadAsync(actor, reviewId, AuditAction.Exported, "download briefing", "briefing downloaded", ct);

    private async Task<Result<BriefingView>> LoadAsync(Actor actor, int reviewId, AuditAction action, string what, string detail, CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var checkedAccess = await BriefingAccess.CheckAsync(db, audit, actor, reviewId, edit: false, what, ct);
        if (!checkedAccess.IsSuccess)
        {
            return checkedAccess.Error!;
        }

        var (access, reference) = checkedAccess.Value;
        var view = await ViewAsync(db, reviewId, reference, access.CanChange && actor.IsOfficeStaff, ct);
        audit.Add(db, actor, action, BriefingAccess.Subject, reviewId.ToString(CultureInfo.InvariantCulture), reviewId, reference, detail);
        await db.SaveChangesAsync(ct);
        return view;
    }

    private async Task<BriefingView> ViewAsync(IReviewDb db, int reviewId, string reference, bool canEdit, CancellationToken ct)
    {
        var label = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.CaseLabel).SingleAsync(ct);
        var pseudonym = await db.FamilyEngagements.AsNoTracking().Where(f => f.ReviewId == reviewId && f.Consent == PseudonymConsent.Given)
            .Select(f => f.Pseudonym).SingleOrDefaultAsync(ct);
        var themes = await (from rt in db.ReviewThemes.AsNoTracking()
                            join t in db.Themes on rt.ThemeId equals t.Id
                            where rt.ReviewId == reviewId
                            orderby t.Group, t.SortOrder
                            select t.Name).ToListAsync(ct);
        var recommendations = await (from r in db.Recommendations.AsNoTracking()
                                     where r.ReviewId == reviewId
                                     join o in db.Organisations on r.AddressedToAgencyId equals o.Id into agencies
                                     from o in agencies.DefaultIfEmpty()
                                     select new { r.Number, r.Level, Agency = o == null ? null : o.Name, r.AddressedToBody, r.Text }).ToListAsync(ct);
        var prefilled = BriefingRules.Prefill(themes, recommendations.Select(r =>
            new BriefingRecommendation(r.Number, Recommendation.Describe(r.Level), r.Agency ?? r.AddressedToBody ?? string.Empty, r.Text)));
        var links = await db.PublicationLinks.AsNoTracking().Where(l => l.ReviewId == reviewId).OrderBy(l => l.Id)
            .Select(l => new PublicationLinkView(l.Id, l.Url, l.Label)).ToListAsync(ct);
        var saved = await (from b in db.ReviewBriefings.AsNoTracking()
                           where b.ReviewId == reviewId
                           join p in db.Users on b.UpdatedByUserId equals p.Id into people
                           from p in people.DefaultIfEmpty()
                           select new { Briefing = b, By = p == null ? "Unknown" : p.DisplayName }).SingleOrDefaultAsync(ct);
        var texts = saved is null ? prefilled : BriefingAccess.Texts(atRest, saved.Briefing);
        return new BriefingView(reviewId, reference, label, string.IsNullOrWhiteSpace(pseudonym) ? null : pseudonym.Trim(), texts, prefilled, links,
            saved?.Briefing.Version ?? 0, saved?.Briefing.UpdatedAtUtc, saved?.By, canEdit, clock.Today);
    }
}
