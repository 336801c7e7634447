using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.WorkItems;

public sealed record OnHoldRow(int ReviewId, string Reference, string CaseLabel, string LeadCsp, Stage? HeldFromStage, HoldReason? Reason,
    DateOnly? HeldSince, DateOnly? ExpectedReviewDate, bool ReviewIsDue, string? DueText);

/// The "On hold" queue: reviews the actor may read that are on hold, with their expected review date
/// (soonest first by default; sort by Reference, CaseLabel or HeldSince too).
public sealed class OnHoldReviewsQuery(IReviewDbFactory dbs, BusinessClock clock)
{
    public async Task<PagedResult<OnHoldRow>> HandleAsync(Actor actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var reviews = scope.Readable(db.Reviews.AsNoTracking()).Where(r => r.Stage == Stage.OnHold);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = CaseLabels.Normalise(search);
            reviews = reviews.Where(r => r.SearchText.Contains(term));
        }

        var total = await reviews.CountAsync(ct);
        var d = page.Descending;
        var ordered = page.SortBy switch
        {
            nameof(OnHoldRow.Reference) => d ? reviews.OrderByDescending(r => r.Reference) : reviews.OrderBy(r => r.Reference),
            nameof(OnHoldRow.CaseLabel) => d ? reviews.OrderByDescending(r => r.CaseLabel) : reviews.OrderBy(r => r.CaseLabel),
            nameof(OnHoldRow.HeldSince) => d ? reviews.OrderByDescending(r => r.HeldSince) : reviews.OrderBy(r => r.HeldSince),
            _ => d ? reviews.OrderByDescending(r => r.HoldExpectedReviewDate) : reviews.OrderBy(r => r.HoldExpectedReviewDate),
        };
        var today = clock.Today;
        var rows = await ordered.ThenBy(r => r.Id).Skip(page.Skip).Take(page.Size)
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.LeadCspId, r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate })
            .ToListAsync(ct);
        var cspIds = rows.Select(r => r.LeadCspId).Distinct().ToList();
        var csps = await db.Organisations.AsNoTracking().Where(o => cspIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return new PagedResult<OnHoldRow>(
            rows.Select(r => new OnHoldRow(r.Id, r.Reference, r.CaseLabel, csps[r.LeadCspId], r.HeldFromStage, r.HoldReason, r.HeldSince, r.HoldExpectedReviewDate,
                r.HoldExpectedReviewDate is DateOnly due && due <= today,
                r.HoldExpectedReviewDate is DateOnly text ? DueText.Describe(text, today) : null)).ToList(),
            total);
    }
}
