using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Reviews;

public sealed record RegisterFilter(int? CspId = null, ReviewType? Type = null, Stage? Stage = null, int? Year = null, string? Search = null);

public sealed record ReviewRow(int Id, string Reference, string CaseLabel, ReviewType Type, string LeadCsp, Stage Stage, DateOnly DateNotified);

/// The review register: only the reviews the actor may read, paged, sorted and filtered in the database.
public sealed class ReviewRegisterQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<PagedResult<ReviewRow>> HandleAsync(Actor actor, RegisterFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var reviews = Filtered(await CaseScope.LoadAsync(db, actor, ct), db, filter);
        var total = await reviews.CountAsync(ct);
        var items = await Ordered(db, reviews, page.SortBy, page.Descending).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ReviewRow>(items, total);
    }

    /// Every row the filter matches, in reference order, for an export; the export itself is audited.
    public async Task<IReadOnlyList<ReviewRow>> ExportAsync(Actor actor, RegisterFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var reviews = Filtered(await CaseScope.LoadAsync(db, actor, ct), db, filter);
        var rows = await Ordered(db, reviews, nameof(ReviewRow.Reference), false).ToListAsync(ct);
        audit.Add(db, actor, AuditAction.Exported, "ReviewRegister", detail: $"review register: {rows.Count} rows");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    private static IQueryable<Review> Filtered(CaseScope scope, IReviewDb db, RegisterFilter filter)
    {
        var reviews = scope.Readable(db.Reviews.AsNoTracking());
        if (filter.CspId is int csp)
        {
            reviews = reviews.Where(r => r.LeadCspId == csp || r.InvolvedCsps.Any(c => c.CspId == csp));
        }

        if (filter.Type is ReviewType type)
        {
            reviews = reviews.Where(r => r.Type == type);
        }

        if (filter.Stage is Stage stage)
        {
            reviews = reviews.Where(r => r.Stage == stage);
        }

        if (filter.Year is int year)
        {
            reviews = reviews.Where(r => r.NotificationYear == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = CaseLabels.Normalise(filter.Search);
            reviews = reviews.Where(r => r.SearchText.Contains(term));
        }

        return reviews;
    }

    private static IQueryable<ReviewRow> Ordered(IReviewDb db, IQueryable<Review> reviews, string? sortBy, bool descending)
    {
        var rows = reviews.Join(db.Organisations, r => r.LeadCspId, o => o.Id, (r, o) => new { Review = r, LeadCsp = o.Name });
        var ordered = (sortBy, descending) switch
        {
            (nameof(ReviewRow.CaseLabel), false) => rows.OrderBy(x => x.Review.CaseLabel),
            (nameof(ReviewRow.CaseLabel), true) => rows.OrderByDescending(x => x.Review.CaseLabel),
            (nameof(ReviewRow.Type), false) => rows.OrderBy(x => x.Review.Type),
            (nameof(ReviewRow.Type), true) => rows.OrderByDescending(x => x.Review.Type),
            (nameof(ReviewRow.LeadCsp), false) => rows.OrderBy(x => x.LeadCsp),
            (nameof(ReviewRow.LeadCsp), true) => rows.OrderByDescending(x => x.LeadCsp),
            (nameof(ReviewRow.Stage), false) => rows.OrderBy(x => x.Review.Stage),
            (nameof(ReviewRow.Stage), true) => rows.OrderByDescending(x => x.Review.Stage),
            (nameof(ReviewRow.Reference), false) => rows.OrderBy(x => x.Review.Reference),
            (nameof(ReviewRow.Reference), true) => rows.OrderByDescending(x => x.Review.Reference),
            (nameof(ReviewRow.DateNotified), false) => rows.OrderBy(x => x.Review.DateNotified),
            // newest notifications first by default: that is what officers look for
            _ => rows.OrderByDescending(x => x.Review.DateNotified),
        };
        return ordered.ThenBy(x => x.Review.Id)
            .Select(x => new ReviewRow(x.Review.Id, x.Review.Reference, x.Review.CaseLabel, x.Review.Type, x.LeadCsp, x.Review.Stage, x.Review.DateNotified));
    }
}
