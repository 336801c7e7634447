using Domain;
using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Reports;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// A review's legal challenges (SaveLegalChallengeHandler): "under challenge" follows them (on while one has no
/// outcome, cleared with the last outcome, on again with an appeal); bad input and other offices are refused with
/// nothing saved, refusals audited; each step journaled on its own date.
public abstract class LegalChallengeTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private Task<bool> UnderChallengeAsync(int id) => Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == id).Select(r => r.UnderChallenge).SingleAsync());

    [Fact]
    public async Task Challenge_LodgedHeardAndDecided_ThenAppealed_UnderChallengeFollowsTheOutcomes()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.RegisterReviewAsync(today.AddDays(-60));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var handler = Portal.Get<SaveLegalChallengeHandler>();

        var lodged = await handler.HandleAsync(officer, new SaveLegalChallenge(id, null, LegalChallengeKind.JudicialReview, today.AddDays(-30), null, null, null, null,
            "The family challenges the CRG's decision."));
        Assert.True(lodged.IsSuccess, lodged.Error?.Message);
        Assert.True(lodged.Value!.UnderChallenge);
        Assert.True(await UnderChallengeAsync(id));
        var challenge = Assert.Single(lodged.Value.Challenges);

        // Out of order: nothing saved, the flag stays.
        var bad = Assert.IsType<ValidationFailed>((await handler.HandleAsync(officer, new SaveLegalChallenge(id, challenge.Id, LegalChallengeKind.JudicialReview,
            today.AddDays(-30), today.AddDays(-31), null, null, null, null, challenge.Version))).Error);
        Assert.Equal(["HearingOn"], bad.Errors.Select(e => e.Field));
        Assert.Null(await Portal.WithDbAsync(db => db.LegalChallenges.Where(c => c.Id == challenge.Id).Select(c => c.HearingOn).SingleAsync()));

        var decided = await handler.HandleAsync(officer, new SaveLegalChallenge(id, challenge.Id, LegalChallengeKind.JudicialReview, today.AddDays(-30),
            today.AddDays(-10), today.AddDays(-5), LegalChallengeOutcome.Dismissed, null, challenge.Note, challenge.Version));
        Assert.True(decided.IsSuccess, decided.Error?.Message);
        Assert.False(decided.Value!.UnderChallenge);
        Assert.False(await UnderChallengeAsync(id));

        // A form showing the old version is told the challenge changed.
        Assert.IsType<Conflict>((await handler.HandleAsync(officer, new SaveLegalChallenge(id, challenge.Id, LegalChallengeKind.JudicialReview, today.AddDays(-30),
            null, null, null, null, null, challenge.Version))).Error);

        var appeal = await handler.HandleAsync(officer, new SaveLegalChallenge(id, null, LegalChallengeKind.Appeal, today.AddDays(-2), null, null, null, challenge.Id, null));
        Assert.True(appeal.IsSuccess, appeal.Error?.Message);
        Assert.True(await UnderChallengeAsync(id));
        Assert.Equal(challenge.Id, appeal.Value!.Challenges.Single(c => c.Kind == LegalChallengeKind.Appeal).AppealOfId);

        // The board's report as at a date shows it under legal challenge while a challenge lodged by then awaited its outcome.
        var csp = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Rutland CSP").Select(o => o.Id).SingleAsync());
        var board = await Portal.ActorAsync(DemoAccounts.BoardMember);
        async Task<bool?> OnTheBoardAsync(DateOnly asOf)
        {
            var report = await Portal.Get<BoardReportQuery>().HandleAsync(board, csp, asOf);
            Assert.True(report.IsSuccess, report.Error?.Message);
            return report.Value!.Rows.SelectMany(r => r.Cells.Values).SelectMany(c => c).SingleOrDefault(c => c.ReviewId == id)?.UnderLegalChallenge;
        }

        var onTheBoard = new[] { await OnTheBoardAsync(today.AddDays(-31)), await OnTheBoardAsync(today.AddDays(-6)), await OnTheBoardAsync(today.AddDays(-5)),
            await OnTheBoardAsync(today) };
        Assert.Equal(new bool?[] { false, true, false, true }, onTheBoard);

        var journal = await Portal.WithDbAsync(db => db.JournalEntries.AsNoTracking().Where(j => j.ReviewId == id && j.Detail!.Contains("Judicial review")).OrderBy(j => j.Id).ToListAsync());
        Assert.Equal([today.AddDays(-30), today.AddDays(-5)], journal.Select(j => j.OccurredOn));
        Assert.Contains("the review is no longer under challenge", journal[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Challenge_ByAnotherOfficeOrAnAuthor_IsRefusedAndAudited_AndNothingIsSaved()
    {
        var today = Domain.Calendar.London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);
        var id = await Portal.RegisterReviewAsync(today.AddDays(-60));
        var request = new SaveLegalChallenge(id, null, LegalChallengeKind.Complaint, today, null, null, null, null, null);
        foreach (var who in new[] { DemoAccounts.KentOfficer, DemoAccounts.Author })
        {
            var actor = await Portal.ActorAsync(who);
            Assert.IsType<AccessRefused>((await Portal.Get<SaveLegalChallengeHandler>().HandleAsync(actor, request)).Error);
        }

        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ReviewId == id && a.Action == AuditAction.Refused && a.Subject == "LegalChallenge")));
        Assert.False(await Portal.WithDbAsync(db => db.LegalChallenges.AnyAsync(c => c.ReviewId == id)));
        Assert.False(await UnderChallengeAsync(id));
    }
}

public sealed class LegalChallengeSqliteTests(SqliteFixture fixture) : LegalChallengeTests(fixture), IClassFixture<SqliteFixture>;

public sealed class LegalChallengePostgresTests(PostgresFixture fixture) : LegalChallengeTests(fixture), IClassFixture<PostgresFixture>;
