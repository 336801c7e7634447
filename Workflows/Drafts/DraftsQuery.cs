using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Drafts;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Drafts;

public sealed record DraftCommentRow(long Id, string By, string Text, string? Reference, DateTime AtUtc, bool Mine);

/// VersionId: the file to download (GET /documents/versions/{id}).
public sealed record DraftRow(long Id, int Number, long? VersionId, DateTime UploadedAtUtc, string UploadedBy, DateOnly CommentsDue, bool IsOpen,
    DateTime? ClosedAtUtc, int CommentCount, IReadOnlyList<DraftCommentRow> Comments)
{
    public string Status(DateOnly today) => ClosedAtUtc is not null ? "Round closed"
        : IsOpen ? $"Open for comments until 23:59 on {UkDate.Format(CommentsDue)}"
        : $"Deadline passed ({UkDate.Format(CommentsDue)}): waiting for the office to close the round";
}

/// What the drafts page shows and lets this person do: the office and the author see every comment, a panel member
/// sees their own.
public sealed record DraftsView(int ReviewId, string Reference, string CaseLabel, Stage Stage, bool CanUpload, bool CanChangeDeadline, bool CanClose,
    bool CanComment, bool SeesAllComments, DateOnly DefaultDeadline, IReadOnlyList<DraftRow> Drafts);

/// The review page's "Drafts and family" section: what this person may open from there (nothing: null).
public sealed record DraftsSummary(bool SeesDrafts, int DraftCount, int OpenRounds, bool SeesFamilyLog, bool PublicationBlocked);

/// The drafts of one review, newest first, for the lead office, the appointed chair/author and current panel members.
/// Each view is audited once (call it once per view, not on prerender); a refusal too.
public sealed class DraftsQuery(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DraftOptions options)
{
    /// Not audited: it shows counts and links on the review page, whose view is audited already.
    public async Task<DraftsSummary?> SummaryAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var roles = await ReviewRoles.LoadAsync(db, actor, reviewId, ct);
        var family = Family.FamilyAccess.CanRead(roles);
        if (roles is null || (!roles.SeesDrafts && !family))
        {
            return null;
        }

        var now = clock.UtcNow;
        var drafts = roles.SeesDrafts ? await db.Drafts.AsNoTracking().Where(d => d.ReviewId == reviewId).ToListAsync(ct) : [];
        var blocked = await db.Reviews.AsNoTracking().Where(r => r.Id == reviewId).Select(r => r.FamilyConsentWithdrawn).SingleAsync(ct);
        return new DraftsSummary(roles.SeesDrafts, drafts.Count, drafts.Count(d => CommentWindow.IsOpen(d, now)), family, blocked);
    }

    public async Task<Result<DraftsView>> HandleAsync(Actor actor, int reviewId, bool audited = true, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var roles = await ReviewRoles.LoadAsync(db, actor, reviewId, ct);
        if (roles is not { SeesDrafts: true })
        {
            await audit.RefusedAsync(db, actor, "Drafts", reviewId.ToString(), roles?.ReviewId, "view drafts", ct);
            return new AccessRefused("the drafts of this review");
        }

        var all = roles.ManagesDrafts;
        var me = actor.UserId;
        var drafts = await db.Drafts.AsNoTracking().Where(d => d.ReviewId == reviewId).OrderByDescending(d => d.Number).ToListAsync(ct);
        var draftIds = drafts.Select(d => d.Id).ToList();
        var comments = await db.DraftComments.AsNoTracking().Where(c => draftIds.Contains(c.DraftId) && (all || c.UserId == me))
            .OrderBy(c => c.AtUtc).ThenBy(c => c.Id).ToListAsync(ct);
        var counts = await db.DraftComments.AsNoTracking().Where(c => draftIds.Contains(c.DraftId)).GroupBy(c => c.DraftId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var documentIds = drafts.Select(d => d.DocumentId).OfType<long>().ToList();
        var versions = await (from doc in db.Documents
                              join v in db.DocumentVersions on doc.Id equals v.DocumentId
                              where documentIds.Contains(doc.Id) && v.Number == doc.CurrentVersion
                              select new { doc.Id, VersionId = v.Id }).ToDictionaryAsync(x => x.Id, x => x.VersionId, ct);
        var userIds = drafts.Select(d => d.UploadedByUserId).Concat(comments.Select(c => c.UserId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Name(string id) => names.GetValueOrDefault(id) is { Length: > 0 } name ? name : "A former user";

        if (audited)
        {
            audit.Add(db, actor, AuditAction.Viewed, "Drafts", reviewId.ToString(), reviewId, roles.Reference, "drafts page");
            await db.SaveChangesAsync(ct);
        }

        var now = clock.UtcNow;
        var today = clock.Today;
        var rows = drafts.Select(d => new DraftRow(d.Id, d.Number, d.DocumentId is long doc && versions.TryGetValue(doc, out var v) ? v : null,
            d.UploadedAtUtc, Name(d.UploadedByUserId), d.CommentsDue, CommentWindow.IsOpen(d, now), d.ClosedAtUtc, counts.GetValueOrDefault(d.Id),
            comments.Where(c => c.DraftId == d.Id).Select(c => new DraftCommentRow(c.Id, Name(c.UserId), c.Text, c.Reference, c.AtUtc, c.UserId == me)).ToList()))
            .ToList();
        return new DraftsView(reviewId, roles.Reference, roles.CaseLabel, roles.Stage,
            CanUpload: roles.ManagesDrafts && roles.Stage == Stage.PanelAndReport,
            CanChangeDeadline: roles.ManagesDrafts,
            CanClose: roles.LeadOffice,
            CanComment: roles.Panel,
            SeesAllComments: all,
            DefaultDeadline: CommentWindow.DefaultDeadline(today, options.CommentDays),
            rows);
    }
}
