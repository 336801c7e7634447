using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Audit;

/// Dates are London days. Subject is the code a handler writes (EntryWords.Subjects lists them with their words).
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? CaseReference = null, AuditAction? Action = null,
    string? Subject = null);

/// One row in words: who by name (and the address they signed in with), what, about what, which case. Detail is null
/// for administrators: they see metadata (who, when, what kind, which case), never content.
public sealed record AuditRow(long Id, DateTime AtUtc, string Who, string? UserEmail, string What, string Subject, string? CaseReference, string? Detail);

/// The audit rows an export holds, and whether its reader sees their details (the data protection officer does).
public sealed record AuditExport(IReadOnlyList<AuditRow> Rows, bool WithDetail);

/// The audit trail, searched a page at a time on the audit page, or exported whole for the data protection officer.
/// Both read it under one rule: the data protection officer and administrators only; anyone else is refused, and the
/// refusal audited. Reading it (a search, an export) is itself recorded.
public sealed class SearchAuditQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<PagedResult<AuditRow>>> HandleAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "search the audit trail", ct) is { } refused)
        {
            return refused;
        }

        var dpo = actor.Is(Role.DataProtectionOfficer);
        var q = Filtered(db, filter);
        var total = await q.CountAsync(ct);
        var ordered = page.Descending || page.SortBy is null ? q.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id) : q.OrderBy(a => a.AtUtc).ThenBy(a => a.Id);
        var items = await AuditRows.InWordsAsync(db, await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct), dpo, ct);

        // Reading the audit trail is itself a view worth recording (for the DPO's searches).
        audit.Add(db, actor, AuditAction.Viewed, "AuditTrail", null, null, Reference(filter), dpo ? "audit search" : "audit metadata");
        await db.SaveChangesAsync(ct);
        return new PagedResult<AuditRow>(items, total);
    }

    /// Every row the filter matches, oldest first, for the .csv export; the export is audited with what it held.
    public async Task<Result<AuditExport>> ExportAsync(Actor actor, AuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await RefuseAsync(db, actor, "export the audit trail", ct) is { } refused)
        {
            return refused;
        }

        var dpo = actor.Is(Role.DataProtectionOfficer);
        var found = await Filtered(db, filter).OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(ct);
        var rows = await AuditRows.InWordsAsync(db, found, dpo, ct);
        audit.Add(db, actor, AuditAction.Exported, "AuditTrail", null, null, Reference(filter),
            $"audit export ({(dpo ? "with details" : "metadata only")}): {rows.Count} row(s); {Describe(filter)}");
        await db.SaveChangesAsync(ct);
        return new AuditExport(rows, dpo);
    }

    private async Task<Error?> RefuseAsync(IReviewDb db, Actor actor, string attempted, CancellationToken ct)
    {
        if (actor.Is(Role.DataProtectionOfficer) || actor.Is(Role.Administrator))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, "AuditTrail", null, null, attempted, ct);
        return new AccessRefused("the audit trail");
    }

    private static string? Reference(AuditFilter filter) => string.IsNullOrWhiteSpace(filter.CaseReference) ? null : filter.CaseReference.Trim().ToUpperInvariant();

    private static IQueryable<AuditEvent> Filtered(IReviewDb db, AuditFilter filter)
    {
        var q = db.AuditEvents.AsNoTracking();
        if (filter.From is DateOnly from)
        {
            var start = London.StartOfDayUtc(from);
            q = q.Where(a => a.AtUtc >= start);
        }

        if (filter.To is DateOnly to)
        {
            var end = London.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.AtUtc < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLowerInvariant();
            q = q.Where(a => a.UserEmail != null && a.UserEmail.ToLower().Contains(user));
        }

        if (Reference(filter) is { } reference)
        {
            q = q.Where(a => a.CaseReference == reference);
        }

        if (filter.Action is AuditAction action)
        {
            q = q.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            q = q.Where(a => a.Subject == filter.Subject);
        }

        return q;
    }

    private static string Describe(AuditFilter f)
    {
        var parts = new List<string>();
        if (f.From is { } from) parts.Add($"from {UkDate.Format(from)}");
        if (f.To is { } to) parts.Add($"to {UkDate.Format(to)}");
        if (!string.IsNullOrWhiteSpace(f.User)) parts.Add($"person \"{f.User.Trim()}\"");
        if (Reference(f) is { } reference) parts.Add($"case {reference}");
        if (f.Action is { } action) parts.Add($"what: {EntryWords.Action(action)}");
        if (!string.IsNullOrWhiteSpace(f.Subject)) parts.Add($"subject: {EntryWords.Subject(f.Subject)}");
        return parts.Count == 0 ? "no filters" : string.Join(", ", parts);
    }
}
