using Domain.Access;
using Domain.Calendar;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Crg;
using Workflows.Email;

namespace Portal.Integration.Tests;

/// Sharing a CRG meeting's papers emails each active CRG member of the meeting's office once, through the outbox and a
/// real SMTP server (maildev): the date, the number of cases and a link to the meeting, no case labels and no names.
public abstract class CrgPapersEmailTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private Task<int> OfficeAsync(string code) => Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    private async Task<string> NewCrgMemberAsync(string officeCode)
    {
        var email = $"crg-{Guid.NewGuid():N}@{officeCode.ToLowerInvariant()}.example.org";
        var created = await Portal.Get<CreateUserHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Admin),
            new NewUser("Casey Member", email, null, new UserAccess([Role.CrgMember], [await OfficeAsync(officeCode)], [])));
        Assert.True(created.IsSuccess, created.Error?.Message);
        return email;
    }

    private Task<List<Domain.Email.OutboxMessage>> PapersMailAsync(int meetingId) => Portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Reason == CrgPapersMail.EmailReason && m.OccurrenceKey == $"crg-papers:{meetingId}").OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task SharePapers_EmailsEachActiveCrgMemberOfTheOfficeOnce_WithDateCountAndLink_NoLabelsOrNames()
    {
        var member = await NewCrgMemberAsync("LR");
        var disabled = await NewCrgMemberAsync("LR");
        await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == disabled).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        var kent = await NewCrgMemberAsync("KT");
        await Portal.RegisterReviewAsync(Today.AddDays(-5));
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var created = await Portal.Get<CreateCrgMeetingHandler>().HandleAsync(officer, await OfficeAsync("LR"), new DateOnly(2026, 12, 3), "10:00", "Committee Room 2, City Hall");
        Assert.True(created.IsSuccess, created.Error?.Message);
        var meeting = created.Value;
        var cases = await Portal.WithDbAsync(db => db.CrgAgendaItems.CountAsync(i => i.MeetingId == meeting));
        var labels = await Portal.WithDbAsync(db => db.CrgAgendaItems.Where(i => i.MeetingId == meeting)
            .Join(db.Reviews, i => i.ReviewId, r => r.Id, (i, r) => r.CaseLabel).ToListAsync());

        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);
        Assert.True((await Portal.Get<ChangeAgendaHandler>().SharePapersAsync(officer, meeting)).IsSuccess);

        var queued = await PapersMailAsync(meeting);
        Assert.Equal(new[] { DemoAccounts.CrgMember, member }.Order(StringComparer.Ordinal), queued.Select(m => m.RecipientAddress).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(queued, m => m.RecipientAddress == disabled || m.RecipientAddress == kent || m.RecipientAddress == DemoAccounts.LrOfficer);
        var mine = Assert.Single(queued, m => m.RecipientAddress == member);
        Assert.Equal("CRG papers for the meeting on 3 Dec 2026 are ready", mine.Subject);
        Assert.Contains($"On the agenda: {(cases == 1 ? "1 case" : $"{cases} cases")}", mine.TextBody, StringComparison.Ordinal);
        Assert.Contains("Meeting: 3 Dec 2026 at 10:00\nPlace: Committee Room 2, City Hall", mine.TextBody.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var link = Portal.Get<EmailOptions>().LinkTo($"crg/meetings/{meeting}");
        Assert.Contains(link, mine.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mine.HtmlBody, StringComparison.Ordinal);
        var names = await Portal.WithDbAsync(db => db.Users.Select(u => u.DisplayName).ToListAsync());
        foreach (var text in labels.Concat(names.OfType<string>()).Where(t => t.Length > 3))
        {
            Assert.DoesNotContain(text, mine.Subject + mine.TextBody + mine.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }

        // Sent through SMTP; the link opens the papers for that member.
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var received = Assert.Single(await fixture.Mail.WaitForAsync(member));
        Assert.Equal(mine.Subject, received.Subject);
        Assert.Contains(link, received.Text, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await PapersMailAsync(meeting)).Single(m => m.RecipientAddress == member).Status);
        var papers = await Portal.Get<GetCrgMeetingQuery>().HandleAsync(await Portal.ActorAsync(member), meeting);
        Assert.True(papers.IsSuccess, papers.Error?.Message);
        Assert.Equal(cases, papers.Value.Items.Count);
        Assert.Equal((new TimeOnly(10, 0), "Committee Room 2, City Hall"), (papers.Value.StartsAt!.Value, papers.Value.Place));
        await fixture.Mail.ClearAsync(member);
    }
}

public sealed class CrgPapersEmailSqliteTests(SqliteMailFixture fixture) : CrgPapersEmailTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class CrgPapersEmailPostgresTests(PostgresMailFixture fixture) : CrgPapersEmailTests(fixture), IClassFixture<PostgresMailFixture>;
