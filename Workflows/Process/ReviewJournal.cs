using Domain;
using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Process;

/// One entry of the timeline: what happened (What, in words) on OccurredOn, recorded at RecordedAtUtc by Who.
public sealed record JournalRow(long Id, DateOnly OccurredOn, DateTime RecordedAtUtc, string Who, JournalKind Kind, Stage? FromStage, Stage ToStage,
    Trigger? Trigger, string What, string? Comment, string? Detail, bool IsImported, DatePrecision Precision = DatePrecision.Day,
    DateOnly? FirstOccurredOn = null, JournalRow.Undoing? UndoneBy = null)
{
    /// Who undid a step recorded by mistake, when and why (the step stays on the timeline, struck through).
    public sealed record Undoing(DateTime RecordedAtUtc, string Who, string? Reason);

    /// When it happened, in words: the day, the month alone ("March 2025"), or "Date not recorded" (an import's step the
    /// tracker had no date for; it sits where it is known to have happened by).
    public string When => Precision switch
    {
        DatePrecision.Month => UkDate.FormatMonth(OccurredOn),
        DatePrecision.NotRecorded => "Date not recorded",
        _ => UkDate.Format(OccurredOn),
    };

    /// Recorded on a later day than it happened (the timeline says when, and by whom); an import's entries are marked
    /// as imported instead.
    public bool RecordedLater => !IsImported && London.DateOf(RecordedAtUtc) > OccurredOn;
}

/// A review's journal for the timeline by the date each entry happened (then the order recorded), newest first
/// (Descending = false gives oldest first), paged.
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
            ? entries.OrderBy(j => j.OccurredOn).ThenBy(j => j.Id)
            : entries.OrderByDescending(j => j.OccurredOn).ThenByDescending(j => j.Id);
        var found = await ordered.Skip(page.Skip).Take(page.Size).Include(j => j.UndoneBy).ToListAsync(ct);
        var userIds = found.SelectMany(j => new[] { j.UserId, j.UndoneBy?.UserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string Who(string? userId) => userId is null ? "The portal" : names.GetValueOrDefault(userId, "A former user");
        var list = found.Select(j => new JournalRow(j.Id, j.OccurredOn, j.RecordedAtUtc, Who(j.UserId),
            j.Kind, j.FromStage, j.ToStage, j.Trigger, EntryWords.Journal(j.Kind, j.FromStage, j.ToStage, j.Trigger), j.Comment, j.Detail, j.IsImported,
            j.Precision, j.FirstOccurredOn,
            j.UndoneBy is { } u ? new JournalRow.Undoing(u.RecordedAtUtc, Who(u.UserId), u.Comment) : null)).ToList();
        return new PagedResult<JournalRow>(list, total);
    }
}
