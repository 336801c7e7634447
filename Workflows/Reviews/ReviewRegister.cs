using Domain.Access;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.Reviews;

public sealed record RegisterFilter(int? CspId = null, ReviewType? Type = null, Stage? Stage = null, int? Year = null, string? Search = null);

public sealed record ReviewRow(int Id, string Reference, string CaseLabel, ReviewType Type, string LeadCsp, Stage Stage, DateOnly DateNotified);

/// The review register: only the reviews the actor may read, paged, sorted and filtered in the database.
public sealed class ReviewRegisterQuery(IReviewDbFactory dbs)
{
    public async Task<PagedResult<ReviewRow>> HandleAsync(Actor actor, RegisterFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
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

        var total = await reviews.CountAsync(ct);
        var rows = reviews.Join(db.Organisations, r => r.LeadCspId, o => o.Id, (r, o) =>
            new ReviewRow(r.Id, r.Reference, r.CaseLabel, r.Type, o.Name, r.Stage, r.DateNotified));
        IOrderedQueryable<ReviewRow> ordered = (page.SortBy, page.Descending) switch
        {
            (nameof(ReviewRow.CaseLabel), false) => rows.OrderBy(r => r.CaseLabel),
            (nameof(ReviewRow.CaseLabel), true) => rows.OrderByDescending(r => r.CaseLabel),
            (nameof(ReviewRow.Type), false) => rows.OrderBy(r => r.Type),
            (nameof(ReviewRow.Type), true) => rows.OrderByDescending(r => r.Type),
            (nameof(ReviewRow.LeadCsp), false) => rows.OrderBy(r => r.LeadCsp),
            (nameof(ReviewRow.LeadCsp), true) => rows.OrderByDescending(r => r.LeadCsp),
            (nameof(ReviewRow.Stage), false) => rows.OrderBy(r => r.Stage),
            (nameof(ReviewRow.Stage), true) => rows.OrderByDescending(r => r.Stage),
            (nameof(ReviewRow.Reference), false) => rows.OrderBy(r => r.Reference),
            (nameof(ReviewRow.Reference), true) => rows.OrderByDescending(r => r.Reference),
            (nameof(ReviewRow.DateNotified), false) => rows.OrderBy(r => r.DateNotified),
            // newest notifications first by default: that is what officers look for
            _ => rows.OrderByDescending(r => r.DateNotified),
        };
        var items = await ordered.ThenBy(r => r.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new PagedResult<ReviewRow>(items, total);
    }
}
