using System.Text.RegularExpressions;
using Domain.Access;
using Domain.Email;
using Domain.Family;
using Domain.Reviews;
using Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;
using Workflows.Email;
using Workflows.Family;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Secrets at rest (issue 13, finding 7) on a real database of each provider: the raw rows hold no real name, family
/// contact, authenticator key, recovery code or invitation token in plain; the people allowed to read them still do;
/// and a database an earlier release wrote in plain is protected once on start.
public abstract partial class SecretsAtRestTests(ProviderFixture fixture)
{
    // Each test's own names: a test that reads the database file must not find another test's.
    private readonly string DeceasedName = "Philippa Rawrowtest" + Letters();
    private readonly string PerpetratorName = "Barnaby Rawrowtest" + Letters();

    private static string Letters() => string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26))));

    /// Checks the bytes of the database's own files, where the provider lets a test read them (SQLite).
    protected virtual Task AssertNotInTheFilesAsync(params string[] plain) => Task.CompletedTask;

    protected PortalFactory Portal => fixture.Portal;

    private Task<List<string>> RawAsync(string sql) => Portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>(sql).ToListAsync());

    private async Task<int> RegisterWithNamesAsync()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var ids = await Portal.WithDbAsync(db => db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id));
        var result = await Portal.Get<RegisterNotificationHandler>().HandleAsync(officer, new Notification(ReviewType.Dardr, false, false, false,
            ids["Rutland CSP"], [], ids["Leicestershire Police"], new DateOnly(2026, 11, 2), 2026, 10, 1, $"Case S{Guid.NewGuid():N}"[..20],
            DeceasedName, PerpetratorName, "A summary."));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value.Id;
    }

    [Fact]
    public async Task RealNames_AreProtectedInTheRow_AndAnAllowedReaderStillReadsThem()
    {
        var id = await RegisterWithNamesAsync();

        var raw = await RawAsync($"SELECT \"DeceasedNames\" || ' ' || \"PerpetratorNames\" AS \"Value\" FROM \"ReviewRestrictedDetails\" WHERE \"ReviewId\" = {id}");
        Assert.StartsWith(AtRest.Prefix, Assert.Single(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("Rawrowtest", raw[0], StringComparison.Ordinal);
        await AssertNotInTheFilesAsync(DeceasedName, PerpetratorName);

        foreach (var reader in new[] { DemoAccounts.LrOfficer, DemoAccounts.Dpo })
        {
            var review = await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(reader), id);
            Assert.Equal((DeceasedName, PerpetratorName), (review.Value.Restricted!.DeceasedNames, review.Value.Restricted.PerpetratorNames));
        }
    }

    [Fact]
    public async Task FamilyContacts_AreProtectedInTheRow_AndReadInTheLog()
    {
        var id = await Portal.ReviewAtPanelAndReportAsync();
        var added = await Portal.Get<RecordFamilyContactHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author),
            new NewFamilyContact(id, new DateOnly(2026, 11, 20), "Aunt Rawrowtest", ContactMethod.Phone, "Rawrowtest asked about the inquest."));
        Assert.True(added.IsSuccess, added.Error?.Message);

        var raw = await RawAsync($"SELECT \"Who\" || ' ' || \"Summary\" AS \"Value\" FROM \"FamilyContacts\" WHERE \"Id\" = {added.Value}");
        Assert.StartsWith(AtRest.Prefix, Assert.Single(raw), StringComparison.Ordinal);
        Assert.DoesNotContain("Rawrowtest", raw[0], StringComparison.Ordinal);
        await AssertNotInTheFilesAsync("Aunt Rawrowtest", "Rawrowtest asked about the inquest.");

        var row = Assert.Single((await Portal.Get<FamilyLogQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Dpo), id)).Value.Contacts);
        Assert.Equal(("Aunt Rawrowtest", "Rawrowtest asked about the inquest."), (row.Who, row.Summary));
    }

    [Fact]
    public async Task AuthenticatorKeyAndRecoveryCodes_AreProtectedInTheRow_AndStillWork()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(DemoAccounts.LrManager))!;
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        // A code used once: the last step used is a token too ("step:fingerprint" of the key), protected like the rest.
        var code = Totp.Next(key);
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));

        var raw = await RawAsync($"SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" = '{user.Id}'");
        Assert.Equal(3, raw.Count);
        Assert.All(raw, v => Assert.StartsWith(AtRest.Prefix, v, StringComparison.Ordinal));
        Assert.All(raw, v => Assert.DoesNotContain(key, v, StringComparison.Ordinal));
        Assert.All(codes, code => Assert.All(raw, v => Assert.DoesNotContain(code, v, StringComparison.Ordinal)));
        await AssertNotInTheFilesAsync([key, .. codes]);

        // Identity reads them back through the store: the same key for the authenticator app, codes that work once.
        Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
        Assert.False(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, Totp.Next(key)));
        Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.False((await users.RedeemTwoFactorRecoveryCodeAsync(user, codes[3])).Succeeded);
        Assert.Equal(9, await users.CountRecoveryCodesAsync(user));
    }

    [Fact]
    public async Task Invitation_OutboxRowHoldsNoUsableToken_TheEmailHasTheWorkingLink_AndTheSentRowNothing()
    {
        var invited = await Portal.Get<InviteUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new Invite("Ivy Invited", $"{Guid.NewGuid():N}@invited.example.org", new UserAccess([Role.IndependentAuthor], [], [])));
        Assert.True(invited.IsSuccess, invited.Error?.Message);
        var queued = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.RecipientUserId == invited.Value.Id));
        Assert.DoesNotContain("token=", queued.TextBody + queued.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(OutboxSecrets.Placeholder("Link"), queued.TextBody, StringComparison.Ordinal);
        Assert.StartsWith(AtRest.Prefix, queued.ProtectedValues, StringComparison.Ordinal);

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();

        // The pickup folder is the delivery here: the email there carries the link, and the link works.
        var eml = await File.ReadAllTextAsync(Path.Combine(Portal.DataPath, "mail-pickup", $"outbox-{queued.Id}.eml"));
        var token = TokenPattern().Match(eml).Groups[1].Value;
        await AssertNotInTheFilesAsync(token);
        Assert.True((await Portal.Get<AcceptInvitationHandler>().CheckAsync(token)).IsSuccess);
        var sent = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.Id));
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Null(sent.ProtectedValues);
        Assert.DoesNotContain(token, sent.TextBody + sent.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainValuesOfAnEarlierRelease_AreProtectedOnceOnStart_EvenByTwoProcessesAtOnce()
    {
        var id = await RegisterWithNamesAsync();
        var contactReview = await Portal.ReviewAtPanelAndReportAsync();
        var user = await Portal.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == DemoAccounts.CrgMember));
        var (pendingId, sentId) = await Portal.WithDbAsync(async db =>
        {
            // As today's release wrote them: names, a family contact, an authenticator key, and invitation links in the bodies.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"ReviewRestrictedDetails\" SET \"DeceasedNames\" = {0}, \"PerpetratorNames\" = NULL WHERE \"ReviewId\" = {1}", DeceasedName, id);
            db.FamilyContacts.Add(new FamilyContact { ReviewId = contactReview, On = new DateOnly(2026, 11, 1), Who = "Cousin Plaintext", How = ContactMethod.Letter,
                Summary = "Plain summary", RecordedByUserId = user.Id, RecordedAtUtc = DateTime.UtcNow });
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AspNetUserTokens\" (\"UserId\", \"LoginProvider\", \"Name\", \"Value\") VALUES ({0}, {1}, {2}, {3})",
                user.Id, "[AspNetUserStore]", "AuthenticatorKey", "PLAINKEYPLAINKEYPLAINKEYPLAINKEY");
            var pending = LegacyInvitation(user, OutboxStatus.Pending, "pendingtokenpendingtokenpendingtoken123456");
            var sent = LegacyInvitation(user, OutboxStatus.Sent, "senttokensenttokensenttokensenttoken12345678");
            db.OutboxMessages.AddRange(pending, sent);
            await db.SaveChangesAsync();
            return (pending.Id, sent.Id);
        });

        // Two processes starting at once on the same database: each row is protected once, by whichever comes first.
        var counts = await Task.WhenAll(RunStepAsync(), RunStepAsync());
        Assert.Equal(6, counts.Sum());
        Assert.Equal(0, await RunStepAsync());

        var raw = await RawAsync($"SELECT \"DeceasedNames\" AS \"Value\" FROM \"ReviewRestrictedDetails\" WHERE \"ReviewId\" = {id} "
            + $"UNION ALL SELECT \"Who\" FROM \"FamilyContacts\" WHERE \"ReviewId\" = {contactReview} "
            + $"UNION ALL SELECT \"Value\" FROM \"AspNetUserTokens\" WHERE \"UserId\" = '{user.Id}'");
        Assert.Equal(3, raw.Count);
        Assert.All(raw, v => Assert.StartsWith(AtRest.Prefix, v, StringComparison.Ordinal));
        // Nor are the overwritten plain values left behind in the file (free pages, the write-ahead log).
        await AssertNotInTheFilesAsync(DeceasedName, "Cousin Plaintext", "PLAINKEYPLAINKEYPLAINKEYPLAINKEY",
            "pendingtokenpendingtokenpendingtoken123456", "senttokensenttokensenttokensenttoken12345678");

        Assert.Equal(DeceasedName, (await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), id)).Value.Restricted!.DeceasedNames);
        Assert.Equal("Cousin Plaintext", Assert.Single((await Portal.Get<FamilyLogQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Dpo), contactReview)).Value.Contacts).Who);
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.Equal("PLAINKEYPLAINKEYPLAINKEYPLAINKEY", await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(user.Id))!));
        }

        // The queued invitation keeps its link, protected, for sending; the sent one keeps none.
        var messages = await Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id == pendingId || m.Id == sentId).ToDictionaryAsync(m => m.Id));
        Assert.All(messages.Values, m => Assert.DoesNotContain("token=", m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        Assert.Null(messages[sentId].ProtectedValues);
        Assert.Contains("token=pendingtokenpendingtokenpendingtoken123456", Portal.Get<OutboxSecrets>().Fill(messages[pendingId]).HtmlBody, StringComparison.Ordinal);
    }

    private async Task<int> RunStepAsync()
    {
        await using var scope = Portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProtectPlainValues>().RunAsync();
    }

    private static OutboxMessage LegacyInvitation(PortalUser user, OutboxStatus status, string token)
    {
        var link = $"http://127.0.0.1:5000/{Invitations.AcceptPath}?token={token}";
        return new OutboxMessage
        {
            RecipientAddress = user.Email!,
            RecipientUserId = user.Id,
            Reason = EmailReasons.Invitation,
            // As the release keyed them: by the token's hash, never the token.
            OccurrenceKey = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..16],
            DedupeKey = $"legacy:{Guid.NewGuid():N}",
            Subject = "You are invited to the Review Portal",
            TextBody = $"To set your password, open this link:\n{link}\n",
            HtmlBody = $"<p><a href=\"{link}\">Set your password</a></p>",
            Status = status,
            CreatedAtUtc = DateTime.UtcNow,
            NotBeforeUtc = DateTime.UtcNow,
            NextAttemptUtc = status == OutboxStatus.Sent ? DateTime.UtcNow : DateTime.UtcNow.AddYears(1),
        };
    }

    [GeneratedRegex(@"AcceptInvitation\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex TokenPattern();
}

public sealed class SecretsAtRestSqliteTests(SqliteFixture fixture) : SecretsAtRestTests(fixture), IClassFixture<SqliteFixture>
{
    /// The raw bytes of portal.db and its write-ahead log, as a copy of the data folder or a backup would hold them.
    protected override async Task AssertNotInTheFilesAsync(params string[] plain)
    {
        var file = Path.Combine(Portal.DataPath, "portal.db");
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            bytes.AddRange(copy.ToArray());
        }

        Assert.True(bytes.Count > 0, $"No database file at {file}.");
        var all = bytes.ToArray();
        Assert.All(plain, value => Assert.True(all.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(value)) < 0,
            $"\"{value}\" is in the database file in plain."));
    }
}

public sealed class SecretsAtRestPostgresTests(PostgresFixture fixture) : SecretsAtRestTests(fixture), IClassFixture<PostgresFixture>;
