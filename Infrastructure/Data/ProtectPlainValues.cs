using System.Net;
using System.Text.RegularExpressions;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Workflows.Accounts;
using Workflows.Data;
using Workflows.Email;

namespace Infrastructure.Data;

/// The start-up step that brings a database written by an earlier release up to protection at rest (AtRest), run by
/// DatabaseInitialiser after the migrations: every value of AtRest.Fields still in plain is protected, and the links of
/// invitation emails queued or sent before are taken out of the outbox bodies (kept protected until sent, dropped once
/// sent). Idempotent: protected values carry AtRest.Prefix and are left alone. Safe with several processes (they also
/// take turns on PostgreSQL): each row is updated only if it still holds the plain value that was read, so a value is
/// never protected twice and a change made meanwhile is never overwritten.
public sealed partial class ProtectPlainValues(ReviewDb db, AtRest atRest, OutboxSecrets outboxSecrets, ILogger<ProtectPlainValues> logger)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var protectedCount = 0;
        foreach (var field in AtRest.Fields.Where(f => f != AtRest.OutboxSecrets))
        {
            protectedCount += await ProtectColumnAsync(field, ct);
        }

        var links = await TakeLinksOutOfOutboxAsync(ct);
        if (protectedCount + links > 0)
        {
            logger.LogInformation("Protected at rest {Values} values and {Links} invitation links that an earlier release kept in plain", protectedCount, links);
            if (db.Database.IsSqlite())
            {
                // SQLite leaves the overwritten values in free pages and in the write-ahead log: VACUUM rewrites the file
                // without them, and the checkpoint empties the log. Once, on the first start after the upgrade.
                await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            }
        }

        return protectedCount + links;
    }

    private async Task<int> ProtectColumnAsync(AtRestField field, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(field.Entity) ?? throw new InvalidOperationException($"{field.Entity.Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var column = Quote(entity.FindProperty(field.Property)!.GetColumnName(table)!);
        var keys = entity.FindPrimaryKey()!.Properties.Select(p => Quote(p.GetColumnName(table)!)).ToList();
        var name = Quote(table.Name);

        // substr, not LIKE: SQLite's LIKE ignores case. Both databases have substr.
        var plain = new List<(object[] Keys, string Value)>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var select = db.Database.GetDbConnection().CreateCommand();
            select.CommandText = $"SELECT {string.Join(", ", keys)}, {column} FROM {name} WHERE {column} IS NOT NULL "
                + $"AND substr({column}, 1, {AtRest.Prefix.Length}) <> '{AtRest.Prefix}'";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                plain.Add((Enumerable.Range(0, keys.Count).Select(reader.GetValue).ToArray(), reader.GetString(keys.Count)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var where = string.Join(" AND ", keys.Select((k, i) => $"{k} = {{{i + 2}}}"));
        var updated = 0;
        foreach (var (key, value) in plain)
        {
            var update = $"UPDATE {name} SET {column} = {{0}} WHERE {column} = {{1}} AND {where}";
            updated += await db.Database.ExecuteSqlRawAsync(update, [atRest.Protect(field, value)!, value, .. key], ct);
        }

        return updated;
    }

    private async Task<int> TakeLinksOutOfOutboxAsync(CancellationToken ct)
    {
        var marker = Invitations.AcceptPath + "?token=";
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Reason == EmailReasons.Invitation && m.ProtectedValues == null && m.TextBody.Contains(marker))
            .Select(m => new { m.Id, m.Status, m.TextBody, m.HtmlBody }).ToListAsync(ct);
        var updated = 0;
        foreach (var m in messages)
        {
            if (InvitationLink().Match(m.TextBody) is not { Success: true } match)
            {
                continue;
            }

            var link = match.Value;
            var placeholder = OutboxSecrets.Placeholder("Link");
            // A sent message's link is not kept at all: the email went, and the row needs no usable token.
            var kept = m.Status is OutboxStatus.Pending or OutboxStatus.Failed or OutboxStatus.Sending
                ? outboxSecrets.Protect(new Dictionary<string, string> { ["Link"] = link })
                : null;
            var text = m.TextBody.Replace(link, placeholder, StringComparison.Ordinal);
            var html = m.HtmlBody.Replace(WebUtility.HtmlEncode(link), placeholder, StringComparison.Ordinal).Replace(link, placeholder, StringComparison.Ordinal);
            var before = m.TextBody;
            updated += await db.OutboxMessages.Where(x => x.Id == m.Id && x.ProtectedValues == null && x.TextBody == before)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.TextBody, text).SetProperty(x => x.HtmlBody, html).SetProperty(x => x.ProtectedValues, kept), ct);
        }

        return updated;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\S*AcceptInvitation\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLink();
}
