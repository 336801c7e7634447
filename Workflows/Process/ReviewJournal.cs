using Domain;
using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Process;

public sealed record JournalRow(long Id, DateTime AtUtc, string Who, JournalKind Kind, Stage? FromStage, Stage ToStage, Trigger? Trigger,
    string? Action, string? Comment, string? Detail);

/// A review's journal for the timeline, newest first (Descending = false gives oldest first), paged.
public sealed class ReviewJournalQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<JournalRow>>> HandleAsync(Actor actor, int reviewId, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        if (!(await scope.ForAsync(db, reviewId, ct)).CanRead)
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(), reviewId, "view journal", ct);
            return new AccessRefused("this review");
        }

        var entries = db.JournalEntries.AsNoTracking().Where(j => j.ReviewId == reviewId);
        var total = await entries.CountAsync(ct);
        var ordered = page.SortBy is not null && !page.Descending
            ? entries.OrderBy(j => j.AtUtc).ThenBy(j => j.Id)
            : entries.OrderByDescending(j => j.AtUtc).ThenByDescending(j => j.Id);
        var found = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var userIds = found.Select(j => j.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var list = found.Select(j => new JournalRow(j.Id, j.AtUtc, j.UserId is null ? "The portal" : names.GetValueOrDefault(j.UserId, "A former user"),
            j.Kind, j.FromStage, j.ToStage, j.Trigger, j.Trigger is Trigger t ? TriggerNames.Describe(t) : null, j.Comment, j.Detail)).ToList();
        return new PagedResult<JournalRow>(list, total);
    }
}
