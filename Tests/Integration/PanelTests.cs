using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Email;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Portal.Testing;
using Workflows.Data;
using Workflows.Email;
using Workflows.Panels;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Issue 5: panel membership and access, the meeting poll, scheduling with calendar emails (REQUEST, update, CANCEL)
/// through real SMTP, records, and reminders sent once.
public abstract class PanelTests(MailFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private MailDev Mail => fixture.Mail;

    private DateTime Now => Portal.Time.GetUtcNow().UtcDateTime;

    /// An agency contact of Leicestershire Police of the test's own, so that parallel tests never read each other's mail.
    private async Task<Actor> NewContactAsync(Role role = Role.AgencyContact)
    {
        using var scope = Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"panel-{Guid.NewGuid():N}@agency.example.org";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Panel Tester" };
        Assert.True((await users.CreateAsync(user, Portal.DemoPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role.ToString())).Succeeded);
        if (role == Role.AgencyContact)
        {
            await Portal.WithDbAsync(async db =>
            {
                var police = await db.Organisations.Where(o => o.Name == "Leicestershire Police").Select(o => o.Id).SingleAsync();
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = police });
                return await db.SaveChangesAsync();
            });
        }

        return await Portal.ActorAsync(email);
    }

    private Task<Actor> OfficerAsync() => Portal.ActorAsync(DemoAccounts.LrOfficer);

    private async Task<(int ReviewId, Actor Member)> ReviewWithMemberAsync()
    {
        var reviewId = await Portal.RegisterReviewAsync(new DateOnly(2026, 11, 2));
        var member = await NewContactAsync();
        var added = await Portal.Get<AddPanelMemberHandler>().HandleAsync(await OfficerAsync(), reviewId, member.UserId, PanelRole.AgencyRepresentative);
        Assert.True(added.IsSuccess, added.Error?.Message);
        return (reviewId, member);
    }

    private async Task<long> ProposeAsync(int reviewId, params DateTime[] londonTimes)
    {
        var result = await Portal.Get<ProposeMeetingHandler>().HandleAsync(await OfficerAsync(), reviewId, new ProposeMeeting("Panel meeting 1", londonTimes, 90));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private Task<bool> RefusalAuditedAsync(Actor actor, string subject) =>
        Portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.UserId == actor.UserId && a.Action == AuditAction.Refused && a.Subject == subject));

    [Fact]
    public async Task Member_SeesThePanelPages_ButNotTheCase_AndRefusalsAreAudited()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var meetingId = await ProposeAsync(reviewId, new DateTime(2026, 12, 1, 10, 0, 0));

        var panel = await Portal.Get<PanelQuery>().HandleAsync(member, reviewId);
        Assert.True(panel.IsSuccess, panel.Error?.Message);
        Assert.False(panel.Value.CanManage);
        Assert.Contains(panel.Value.Members, m => m.UserId == member.UserId && m.Role == PanelRole.AgencyRepresentative && m.Agency == "Leicestershire Police");
        Assert.True((await Portal.Get<MeetingQuery>().HandleAsync(member, reviewId, meetingId)).IsSuccess);
        Assert.Contains(await Portal.Get<MyPanelsQuery>().HandleAsync(member), p => p.ReviewId == reviewId);

        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(member, reviewId)).Error);
        Assert.True(await RefusalAuditedAsync(member, "Review"));
        // Members do not manage the panel.
        Assert.IsType<AccessRefused>((await Portal.Get<ProposeMeetingHandler>().HandleAsync(member, reviewId,
            new ProposeMeeting("Another", [new DateTime(2026, 12, 2, 10, 0, 0)]))).Error);

        var outsider = await NewContactAsync();
        Assert.IsType<AccessRefused>((await Portal.Get<PanelQuery>().HandleAsync(outsider, reviewId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<MeetingQuery>().HandleAsync(outsider, reviewId, meetingId)).Error);
        Assert.True(await RefusalAuditedAsync(outsider, "Panel"));
    }

    [Fact]
    public async Task RemovedMember_LosesAccessAtOnce_AndTheRowIsRevokedNotDeleted()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var participantId = (await Portal.Get<PanelQuery>().HandleAsync(await OfficerAsync(), reviewId)).Value.Members.Single().ParticipantId;

        var removed = await Portal.Get<RemovePanelMemberHandler>().HandleAsync(await OfficerAsync(), reviewId, participantId);

        Assert.True(removed.IsSuccess, removed.Error?.Message);
        Assert.IsType<AccessRefused>((await Portal.Get<PanelQuery>().HandleAsync(member, reviewId)).Error);
        Assert.Empty(await Portal.Get<MyPanelsQuery>().HandleAsync(member));
        Assert.NotNull(await Portal.WithDbAsync(db => db.ReviewParticipants.Where(p => p.Id == participantId).Select(p => p.RevokedAtUtc).SingleAsync()));
        Assert.IsType<NotFound>((await Portal.Get<RemovePanelMemberHandler>().HandleAsync(await OfficerAsync(), reviewId, participantId)).Error);
    }

    [Fact]
    public async Task AddMember_Rules_AndOnlyTheLeadOfficeManages()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var add = Portal.Get<AddPanelMemberHandler>();
        var officer = await OfficerAsync();

        Assert.Contains("already on the panel", (await add.HandleAsync(officer, reviewId, member.UserId, PanelRole.Specialist)).Error!.Message, StringComparison.Ordinal);
        var author = await NewContactAsync(Role.IndependentAuthor);
        Assert.Equal("Role", Assert.IsType<ValidationFailed>((await add.HandleAsync(officer, reviewId, author.UserId, PanelRole.AgencyRepresentative)).Error).Errors[0].Field);
        Assert.Contains("appointed", (await add.HandleAsync(officer, reviewId, author.UserId, PanelRole.Chair)).Error!.Message, StringComparison.Ordinal);
        Assert.True((await add.HandleAsync(officer, reviewId, author.UserId, PanelRole.Specialist)).IsSuccess);
        Assert.Equal("Person", Assert.IsType<ValidationFailed>((await add.HandleAsync(officer, reviewId, null, PanelRole.Specialist)).Error).Errors[0].Field);

        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        Assert.IsType<AccessRefused>((await add.HandleAsync(kent, reviewId, (await NewContactAsync()).UserId, PanelRole.AgencyRepresentative)).Error);
        Assert.True(await RefusalAuditedAsync(kent, "Panel"));
    }

    [Fact]
    public async Task Propose_APassedDate_IsRefusedWithAClearMessage_AndNothingIsSaved()
    {
        var (reviewId, _) = await ReviewWithMemberAsync();
        var past = BusinessTime(Now.AddHours(-1));

        var result = await Portal.Get<ProposeMeetingHandler>().HandleAsync(await OfficerAsync(), reviewId,
            new ProposeMeeting("Panel meeting 1", [new DateTime(2026, 12, 1, 10, 0, 0), past]));

        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Contains(failed.Errors, e => e.Message.StartsWith("A meeting date already passed", StringComparison.Ordinal));
        Assert.False(await Portal.WithDbAsync(db => db.PanelMeetings.AnyAsync(m => m.ReviewId == reviewId)));
    }

    [Fact]
    public async Task Poll_Schedule_Update_Cancel_SendCalendarEmailsThroughSmtp()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var second = await NewContactAsync();
        Assert.True((await Portal.Get<AddPanelMemberHandler>().HandleAsync(await OfficerAsync(), reviewId, second.UserId, PanelRole.Specialist)).IsSuccess);
        var meetingId = await ProposeAsync(reviewId, new DateTime(2026, 12, 1, 10, 0, 0), new DateTime(2026, 12, 2, 14, 0, 0));
        var options = await Portal.WithDbAsync(db => db.MeetingOptions.Where(o => o.MeetingId == meetingId).OrderBy(o => o.StartsAtUtc).Select(o => o.Id).ToListAsync());
        var respond = Portal.Get<RespondToPollHandler>();
        Assert.True((await respond.HandleAsync(member, meetingId, new Dictionary<long, Availability> { [options[0]] = Availability.NotAvailable, [options[1]] = Availability.Available })).IsSuccess);
        Assert.True((await respond.HandleAsync(second, meetingId, new Dictionary<long, Availability> { [options[0]] = Availability.Available, [options[1]] = Availability.IfNeedBe })).IsSuccess);
        // Answering again changes the answer in place.
        Assert.True((await respond.HandleAsync(member, meetingId, new Dictionary<long, Availability> { [options[0]] = Availability.IfNeedBe })).IsSuccess);
        Assert.IsType<AccessRefused>((await respond.HandleAsync(await NewContactAsync(), meetingId, new Dictionary<long, Availability> { [options[0]] = Availability.Available })).Error);

        var officer = await OfficerAsync();
        var view = (await Portal.Get<MeetingQuery>().HandleAsync(officer, reviewId, meetingId)).Value;
        Assert.Equal(new OptionTally(options[0], new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), 1, 1, 0, 0), view.Tallies[0]);
        Assert.Equal(new OptionTally(options[1], new DateTime(2026, 12, 2, 14, 0, 0, DateTimeKind.Utc), 1, 1, 0, 0), view.Tallies[1]);
        Assert.Equal(2, view.Poll.Count);

        Assert.Equal("Location", Assert.IsType<ValidationFailed>((await Portal.Get<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, view.Version, options[1], new MeetingPlace(null, null))).Error).Errors[0].Field);
        Assert.Equal("OnlineLink", Assert.IsType<ValidationFailed>((await Portal.Get<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, view.Version, options[1], new MeetingPlace(null, "meet now"))).Error).Errors[0].Field);
        Assert.True((await Portal.Get<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, view.Version, options[1], new MeetingPlace("Room 2, County Hall", null))).IsSuccess);
        Assert.IsType<Conflict>((await Portal.Get<CancelMeetingHandler>().HandleAsync(officer, meetingId, view.Version)).Error);
        Assert.Contains("poll is closed", (await respond.HandleAsync(member, meetingId, new Dictionary<long, Availability> { [options[0]] = Availability.Available })).Error!.Message, StringComparison.Ordinal);

        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var invitation = await CalendarAsync(member.Email, 1, "Panel meeting for");
        Assert.Equal("REQUEST", invitation.Method);
        var e = Assert.Single(invitation.Events);
        Assert.Equal(PanelMeeting.UidFor(meetingId), e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal(new DateTime(2026, 12, 2, 14, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal("Room 2, County Hall", e.Location);
        Assert.Equal(0, (await CalendarAsync(second.Email, 1, "Panel meeting for")).Events.Single().Sequence);

        var version = (await Portal.Get<MeetingQuery>().HandleAsync(officer, reviewId, meetingId)).Value.Version;
        var moved = await Portal.Get<MoveMeetingHandler>().HandleAsync(officer, meetingId, version, new DateTime(2026, 12, 3, 9, 30, 0), new MeetingPlace("Room 2, County Hall", "https://meet.example.org/panel"));
        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Contains("Nothing has changed", (await Portal.Get<MoveMeetingHandler>().HandleAsync(officer, meetingId, version + 1, new DateTime(2026, 12, 3, 9, 30, 0),
            new MeetingPlace("Room 2, County Hall", "https://meet.example.org/panel"))).Error!.Message, StringComparison.Ordinal);
        Assert.Contains("already passed", (await Portal.Get<MoveMeetingHandler>().HandleAsync(officer, meetingId, version + 1, new DateTime(2026, 11, 1, 9, 30, 0),
            new MeetingPlace("Room 2", null))).Error!.Message, StringComparison.Ordinal);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var update = (await CalendarAsync(member.Email, 2, "Panel meeting changed")).Events.Single();
        Assert.Equal(PanelMeeting.UidFor(meetingId), update.Uid);
        Assert.Equal(1, update.Sequence);
        Assert.Equal(new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc), update.DtStart!.AsUtc);

        Assert.True((await Portal.Get<CancelMeetingHandler>().HandleAsync(officer, meetingId, version + 1)).IsSuccess);
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var cancel = await CalendarAsync(member.Email, 3, "Panel meeting cancelled");
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal(2, cancel.Events.Single().Sequence);
        Assert.Equal(PanelMeeting.UidFor(meetingId), cancel.Events.Single().Uid);

        var mails = await Mail.ForAsync(member.Email);
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.DoesNotContain("Panel Tester", m.Text, StringComparison.Ordinal));
        await Mail.ClearAsync(member.Email);
        await Mail.ClearAsync(second.Email);
    }

    [Fact]
    public async Task Records_AttendanceNotesAndActions_WithClearMessagesForBadInput()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var meetingId = await ProposeAsync(reviewId, new DateTime(2026, 12, 1, 10, 0, 0));
        var officer = await OfficerAsync();
        Assert.IsType<ValidationFailed>((await Portal.Get<RecordAttendanceHandler>().HandleAsync(officer, meetingId, [member.UserId], "Notes")).Error);
        var view = (await Portal.Get<MeetingQuery>().HandleAsync(officer, reviewId, meetingId)).Value;
        Assert.True((await Portal.Get<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, view.Version, view.Tallies[0].OptionId, new MeetingPlace("Room 1", null))).IsSuccess);

        Assert.True((await Portal.Get<RecordAttendanceHandler>().HandleAsync(officer, meetingId, [member.UserId], "Agreed the chronology scope.")).IsSuccess);
        var bad = Assert.IsType<ValidationFailed>((await Portal.Get<AddMeetingActionHandler>().HandleAsync(officer, meetingId, " ", null, new DateOnly(2026, 11, 1))).Error);
        Assert.Equal(["ActionText", "ActionOwner", "ActionDue"], bad.Errors.Select(e => e.Field));
        Assert.True((await Portal.Get<AddMeetingActionHandler>().HandleAsync(officer, meetingId, "Send the chronology", "Leicestershire Police", new DateOnly(2026, 12, 15))).IsSuccess);
        Assert.IsType<AccessRefused>((await Portal.Get<AddMeetingActionHandler>().HandleAsync(member, meetingId, "Mine", "Me", new DateOnly(2026, 12, 15))).Error);

        var seen = (await Portal.Get<MeetingQuery>().HandleAsync(member, reviewId, meetingId)).Value;
        Assert.Contains(member.UserId, seen.Attended);
        Assert.Equal("Agreed the chronology scope.", seen.Notes);
        Assert.Equal("Send the chronology", Assert.Single(seen.Actions).Text);
        await Mail.ClearAsync(member.Email);
    }

    [Fact]
    public async Task Reminders_GoOnceToMembersWhoHaveNotDeclined_DaysBeforeTheMeeting()
    {
        var (reviewId, member) = await ReviewWithMemberAsync();
        var decliner = await NewContactAsync();
        Assert.True((await Portal.Get<AddPanelMemberHandler>().HandleAsync(await OfficerAsync(), reviewId, decliner.UserId, PanelRole.Specialist)).IsSuccess);
        // Meetings in the fixture's near future: the scan reminds 2 days before (Panels:ReminderDaysBefore).
        var starts = BusinessTime(Now.AddDays(5)).Date.AddHours(10);
        var meetingId = await ProposeAsync(reviewId, starts);
        var option = await Portal.WithDbAsync(db => db.MeetingOptions.Where(o => o.MeetingId == meetingId).Select(o => o.Id).SingleAsync());
        Assert.True((await Portal.Get<RespondToPollHandler>().HandleAsync(decliner, meetingId, new Dictionary<long, Availability> { [option] = Availability.NotAvailable })).IsSuccess);
        var officer = await OfficerAsync();
        var version = (await Portal.Get<MeetingQuery>().HandleAsync(officer, reviewId, meetingId)).Value.Version;
        Assert.True((await Portal.Get<ScheduleMeetingHandler>().HandleAsync(officer, meetingId, version, option, new MeetingPlace("Room 1", null))).IsSuccess);
        var scan = Portal.Get<PanelReminderScan>();
        Task<List<string>> RemindedAsync() => Portal.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.ReviewId == reviewId && m.Reason == MeetingInvitations.ReminderReason).Select(m => m.RecipientAddress).ToListAsync());

        await scan.RunAsync();
        Assert.Empty(await RemindedAsync());

        // Three days on: two days before the meeting. Twice, as after a restart: one reminder per member. (Business time
        // only moves forward: later tests of the class propose dates after this point.)
        Portal.Time.Advance(TimeSpan.FromDays(3));
        await scan.RunAsync();
        await scan.RunAsync();
        Assert.Equal([member.Email], await RemindedAsync());
        await Portal.Get<OutboxDispatcher>().RunOnceAsync();
        var reminder = (await Mail.WaitForAsync(member.Email, 2)).Single(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        var label = await Portal.WithDbAsync(db => db.Reviews.Where(r => r.Id == reviewId).Select(r => r.CaseLabel).SingleAsync());
        Assert.Contains(label, reminder.Subject, StringComparison.Ordinal);

        await Mail.ClearAsync(member.Email);
        await Mail.ClearAsync(decliner.Email);
    }

    private static DateTime BusinessTime(DateTime utc) => London.ToLocal(utc);

    /// The calendar attached to the recipient's email whose subject starts so, as a calendar program would read it.
    private async Task<Ical.Net.Calendar> CalendarAsync(string recipient, int count, string subject)
    {
        var mails = await Mail.WaitForAsync(recipient, count);
        var mail = Assert.Single(mails, m => m.Subject.StartsWith(subject, StringComparison.Ordinal));
        await using var source = await Mail.SourceAsync(mail.Id);
        var message = await MimeMessage.LoadAsync(source);
        var part = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        Assert.Equal(subject.Contains("cancelled", StringComparison.Ordinal) ? "CANCEL" : "REQUEST", part.ContentType.Parameters["method"]);
        using var text = new MemoryStream();
        await part.Content!.DecodeToAsync(text);
        return Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(text.ToArray()))!;
    }
}

public sealed class PanelSqliteTests(SqliteMailFixture fixture) : PanelTests(fixture), IClassFixture<SqliteMailFixture>;

public sealed class PanelPostgresTests(PostgresMailFixture fixture) : PanelTests(fixture), IClassFixture<PostgresMailFixture>;
