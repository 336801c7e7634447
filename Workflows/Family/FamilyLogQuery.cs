using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Family;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Family;

public sealed record FamilyContactRow(long Id, DateOnly On, string Who, ContactMethod How, string Summary, string RecordedBy, DateTime RecordedAtUtc);

public sealed record FamilyAgreements(bool? AdvocacyOffered, string? AdvocacyBy, string? Pseudonym, PseudonymConsent? Consent, DateOnly? ConsentOn,
    int? DraftSeenNumber, DateOnly? DraftSeenOn, int Version);

public sealed record FamilyLogView(int ReviewId, string Reference, string CaseLabel, bool CanEdit, bool PublicationBlocked, FamilyAgreements Agreements,
    IReadOnlyList<FamilyContactRow> Contacts, IReadOnlyList<int> DraftNumbers);

/// Who may read and keep a review's family engagement log: personal data, so only the lead office's officers and
/// managers, the appointed chair/author (both keep it) and the data protection officer (reads it).
internal static class FamilyAccess
{
    public static bool CanRead(ReviewRoles? roles) => roles is not null && (roles.LeadOffice || roles.Author || roles.Dpo);

    public static bool CanEdit(ReviewRoles? roles) => roles is not null && (roles.LeadOffice || roles.Author);

    public static async Task<Result<ReviewRoles>> ForEditAsync(IReviewDb db, AuditLog audit, Actor actor, int reviewId, string what, CancellationToken ct)
    {
        var roles = await ReviewRoles.LoadAsync(db, actor, reviewId, ct);
        if (CanEdit(roles))
        {
            return roles!;
        }

        await audit.RefusedAsync(db, actor, "FamilyLog", reviewId.ToString(), roles?.ReviewId, what, ct);
        return new AccessRefused("this review's family engagement log");
    }
}

/// The family engagement log of one review. Each read is audited (it holds personal data), a refusal too.
public sealed class FamilyLogQuery(IReviewDbFactory dbs, AuditLog audit, AtRest atRest)
{
    public async Task<Result<FamilyLogView>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var roles = await ReviewRoles.LoadAsync(db, actor, reviewId, ct);
        if (!FamilyAccess.CanRead(roles))
        {
            await audit.RefusedAsync(db, actor, "FamilyLog", reviewId.ToString(), roles?.ReviewId, "view family engagement log", ct);
            return new AccessRefused("this review's family engagement log");
        }

        var engagement = await db.FamilyEngagements.AsNoTracking().SingleOrDefaultAsync(f => f.ReviewId == reviewId, ct);
        var contacts = await db.FamilyContacts.AsNoTracking().Where(c => c.ReviewId == reviewId)
            .OrderByDescending(c => c.On).ThenByDescending(c => c.Id).ToListAsync(ct);
        var userIds = contacts.Select(c => c.RecordedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ReviewId == reviewId).OrderBy(d => d.Number).Select(d => d.Number).ToListAsync(ct);
        var blocked = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.FamilyConsentWithdrawn).SingleAsync(ct);

        audit.Add(db, actor, AuditAction.Viewed, "FamilyLog", reviewId.ToString(), reviewId, roles!.Reference, "family engagement log");
        await db.SaveChangesAsync(ct);

        var e = engagement ?? new FamilyEngagement { ReviewId = reviewId };
        return new FamilyLogView(reviewId, roles.Reference, roles.CaseLabel, FamilyAccess.CanEdit(roles), blocked,
            new FamilyAgreements(e.AdvocacyOffered, e.AdvocacyBy, e.Pseudonym, e.Consent, e.ConsentOn, e.DraftSeenNumber, e.DraftSeenOn, e.Version),
            contacts.Select(c => new FamilyContactRow(c.Id, c.On, atRest.Unprotect(AtRest.FamilyContactWho, c.Who)!, c.How,
                atRest.Unprotect(AtRest.FamilyContactSummary, c.Summary)!, names.GetValueOrDefault(c.RecordedByUserId, "A former user"),
                c.RecordedAtUtc)).ToList(),
            drafts);
    }
}
