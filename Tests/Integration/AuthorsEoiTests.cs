using Domain;
using Domain.Audit;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using Workflows;
using Workflows.Authors;
using Workflows.Process;
using Workflows.Reviews;

namespace Portal.Integration.Tests;

/// Commissioning on a real database of each provider: the directory, expressions of interest, replies, appointment
/// through the engine, ending an appointment, and need-to-know for authors.
public abstract class AuthorsEoiTests(ProviderFixture fixture)
{
    private PortalFactory Portal => fixture.Portal;

    private DateOnly Today => London.DateOf(Portal.Time.GetUtcNow().UtcDateTime);

    private Task<int> CommissioningReviewAsync() => Portal.CommissioningReviewAsync(Today.AddDays(-20));

    /// A second independent author, added to the directory (and so invited) by an officer.
    private async Task<(string UserId, string Email)> NewAuthorAsync(string name = "Sam Second")
    {
        var email = $"author-{Guid.NewGuid():N}@example.org";
        var added = await Portal.Get<SaveAuthorProfileHandler>().AddAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new AuthorProfileForm(name, email, null, "Suicide", "Kent", Today.AddYears(-1), "From March", "£400", "£11,000"));
        Assert.True(added.IsSuccess, added.Error?.Message);
        var userId = await Portal.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (userId, email);
    }

    private async Task<long> SendAsync(int reviewId, params string[] authorIds)
    {
        var sent = await Portal.Get<SendEoiHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new SendEoi(reviewId, "Death of a woman in her thirties; former partner; children in the household.", Today.AddDays(14), authorIds));
        Assert.True(sent.IsSuccess, sent.Error?.Message);
        return sent.Value;
    }

    private Task<string> OfficeOfAsync(int reviewId) => Portal.WithDbAsync(db =>
        db.Reviews.Where(r => r.Id == reviewId).Join(db.Organisations, r => r.LeadOfficeId, o => o.Id, (_, o) => o.Name).SingleAsync());

    /// The appointment emails of a review, by recipient: the reference, a link to the review and the office, never
    /// the case label or anyone's name.
    private async Task<Dictionary<string, Domain.Email.OutboxMessage>> AppointmentMailsAsync(int reviewId)
    {
        var review = await Portal.WithDbAsync(db => db.Reviews.SingleAsync(r => r.Id == reviewId));
        var office = await OfficeOfAsync(reviewId);
        var mails = await Portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ReviewId == reviewId && m.Reason == AppointAuthorHandler.EmailReason)
            .ToDictionaryAsync(m => m.RecipientAddress));
        Assert.All(mails.Values, m =>
        {
            Assert.Equal($"You are appointed to review {review.Reference}", m.Subject);
            Assert.Contains($"{office} has appointed you", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/reviews/{reviewId}", m.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/reviews/{reviewId}", m.HtmlBody, StringComparison.Ordinal);
            foreach (var secret in new[] { review.CaseLabel, "Alex Author", "Ali Writer", "Nina NotChosen" })
            {
                Assert.DoesNotContain(secret, m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            }
        });
        return mails;
    }

    private async Task<string> AuthorIdAsync() => (await Portal.ActorAsync(DemoAccounts.Author)).UserId;

    private Task<int> RefusalsAsync(string userId) =>
        Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.UserId == userId && a.Action == AuditAction.Refused));

    private async Task<Result<TransitionResult>> AppointAsync(int reviewId, long? eoiId, string chair, string fee, string? author = null, string? authorFee = null) =>
        await Portal.Get<AppointAuthorHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer),
            new AppointRequest(reviewId, eoiId, chair, author is null, author, fee, authorFee, null), Guid.NewGuid().ToString());

    [Fact]
    public async Task SendEoi_ToChosenAuthors_QueuesAnEmailWithoutNamesAndATaskEachDueOnTheClosingDate()
    {
        var reviewId = await CommissioningReviewAsync();
        var author = await AuthorIdAsync();
        var (second, secondEmail) = await NewAuthorAsync();

        var eoiId = await SendAsync(reviewId, author, second);

        await Portal.WithDbAsync(async db =>
        {
            var eoi = await db.ExpressionsOfInterest.Include(e => e.Recipients).SingleAsync(e => e.Id == eoiId);
            Assert.Equal(EoiStatus.Open, eoi.Status);
            Assert.Equal(Today.AddDays(14), eoi.ClosesOn);
            Assert.Equal(new[] { author, second }.Order(), eoi.Recipients.Select(r => r.UserId).Order());
            var tasks = await db.WorkItems.Where(w => w.ReviewId == reviewId && w.Kind == WorkItemKind.ReplyToExpressionOfInterest).ToListAsync();
            Assert.Equal(2, tasks.Count);
            Assert.All(tasks, t =>
            {
                Assert.Equal(Today.AddDays(14), t.DueDate);
                Assert.Equal(t.CandidateUserId, t.AssigneeUserId);
                Assert.Equal(WorkItemStatus.Open, t.Status);
            });
            Assert.Equal(eoi.Recipients.Select(r => r.WorkItemId).Order(), tasks.Select(t => (long?)t.Id).Order());
            var review = await db.Reviews.Include(r => r.Restricted).SingleAsync(r => r.Id == reviewId);
            var office = await db.Organisations.Where(o => o.Id == review.LeadOfficeId).Select(o => o.Name).SingleAsync();
            var mails = await db.OutboxMessages.Where(m => m.ReviewId == reviewId && m.Reason == Commissioning.EmailReason).ToListAsync();
            Assert.Equal(2, mails.Count);
            Assert.Contains(mails, m => m.RecipientAddress == secondEmail);
            Assert.All(mails, m =>
            {
                Assert.Contains(review.CaseLabel, m.Subject, StringComparison.Ordinal);
                Assert.Contains($"/eoi/{eoiId}", m.TextBody, StringComparison.Ordinal);
                Assert.Contains(review.Reference, m.TextBody, StringComparison.Ordinal);
                // It names the office that commissions the review.
                Assert.Contains($"{office}, the review office commissioning this review, invites you", m.TextBody, StringComparison.Ordinal);
                Assert.Contains(System.Net.WebUtility.HtmlEncode(office), m.HtmlBody, StringComparison.Ordinal);
                Assert.DoesNotContain("Sam Second", m.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain("Alex Author", m.HtmlBody, StringComparison.Ordinal);
            });
            return 0;
        });
    }

    [Fact]
    public async Task SendEoi_BadInput_SaysWhatIsWrongForEachFieldAndSavesNothing()
    {
        var reviewId = await CommissioningReviewAsync();
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var result = await Portal.Get<SendEoiHandler>().HandleAsync(officer, new SendEoi(reviewId, "  ", Today, []));

        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal(
            [nameof(SendEoi.AuthorUserIds), nameof(SendEoi.ClosesOn), nameof(SendEoi.Summary)],
            failed.Errors.Select(e => e.Field).Order().ToList());
        Assert.Contains(failed.Errors, e => e.Message.StartsWith("The closing date must be after today", StringComparison.Ordinal));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.ExpressionsOfInterest.CountAsync(e => e.ReviewId == reviewId)));
        Assert.Equal(0, await Portal.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ReviewId == reviewId && m.Reason == Commissioning.EmailReason)));
    }

    [Fact]
    public async Task SendEoi_AnotherOfficesOfficer_IsRefusedAndAudited()
    {
        var reviewId = await CommissioningReviewAsync();
        var kent = await Portal.ActorAsync(DemoAccounts.KentOfficer);
        var before = await RefusalsAsync(kent.UserId);

        var result = await Portal.Get<SendEoiHandler>().HandleAsync(kent, new SendEoi(reviewId, "Summary", Today.AddDays(7), [await AuthorIdAsync()]));

        Assert.IsType<AccessRefused>(result.Error);
        Assert.Equal(before + 1, await RefusalsAsync(kent.UserId));
    }

    [Fact]
    public async Task Reply_Interested_SavesTheQuoteAndCompletesTheAuthorsTask()
    {
        var reviewId = await CommissioningReviewAsync();
        var eoiId = await SendAsync(reviewId, await AuthorIdAsync());
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var handler = Portal.Get<EoiReplyHandler>();

        var seen = await handler.GetAsync(author, eoiId);
        Assert.True(seen.IsSuccess, seen.Error?.Message);
        Assert.True(seen.Value.AcceptsReplies);
        Assert.Equal(await OfficeOfAsync(reviewId), seen.Value.Office);
        var replied = await handler.ReplyAsync(author, eoiId, new EoiReplyForm(true, "From January, two days a week", "£12,500", null));

        Assert.True(replied.IsSuccess, replied.Error?.Message);
        await Portal.WithDbAsync(async db =>
        {
            var mine = await db.EoiRecipients.SingleAsync(r => r.ExpressionOfInterestId == eoiId);
            Assert.Equal((true, 1_250_000L), (mine.Interested, mine.QuotePence));
            Assert.NotNull(mine.RepliedAtUtc);
            Assert.Equal(WorkItemStatus.Completed, (await db.WorkItems.SingleAsync(w => w.Id == mine.WorkItemId)).Status);
            return 0;
        });
        var view = await Portal.Get<CommissioningQuery>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), reviewId);
        var row = Assert.Single(Assert.Single(view.Value.Eois).Replies);
        Assert.Equal(("Alex Author", 1_250_000L), (row.Name, row.QuotePence));
    }

    [Fact]
    public async Task Reply_QuoteNotMoneyOrNoAvailability_SaysSoAndSavesNothing()
    {
        var reviewId = await CommissioningReviewAsync();
        var eoiId = await SendAsync(reviewId, await AuthorIdAsync());

        var result = await Portal.Get<EoiReplyHandler>().ReplyAsync(await Portal.ActorAsync(DemoAccounts.Author), eoiId,
            new EoiReplyForm(true, " ", "twelve grand", "None"));

        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal([nameof(EoiReplyForm.Availability), nameof(EoiReplyForm.Quote)], failed.Errors.Select(e => e.Field).Order().ToList());
        Assert.Contains("amount of money", failed.Errors.Single(e => e.Field == nameof(EoiReplyForm.Quote)).Message, StringComparison.Ordinal);
        Assert.Null(await Portal.WithDbAsync(db => db.EoiRecipients.Where(r => r.ExpressionOfInterestId == eoiId).Select(r => r.RepliedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Reply_AfterTheClosingDate_IsRefusedWithAMessage()
    {
        var reviewId = await CommissioningReviewAsync();
        var eoiId = await SendAsync(reviewId, await AuthorIdAsync());
        var yesterday = Today.AddDays(-1);
        await Portal.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.Id == eoiId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ClosesOn, yesterday)));

        var result = await Portal.Get<EoiReplyHandler>().ReplyAsync(await Portal.ActorAsync(DemoAccounts.Author), eoiId,
            new EoiReplyForm(true, "Now", "12500", null));

        Assert.False(result.IsSuccess);
        Assert.StartsWith("The closing date for replies was", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(await Portal.WithDbAsync(db => db.EoiRecipients.Where(r => r.ExpressionOfInterestId == eoiId).Select(r => r.RepliedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task AnotherAuthor_CannotReadOrAnswerAnEoiNotSentToThem_AndTheRefusalIsAudited()
    {
        var reviewId = await CommissioningReviewAsync();
        var eoiId = await SendAsync(reviewId, await AuthorIdAsync());
        var (other, otherEmail) = await NewAuthorAsync("Olly Other");
        var otherActor = await Portal.ActorAsync(otherEmail);
        var before = await RefusalsAsync(other);

        Assert.IsType<AccessRefused>((await Portal.Get<EoiReplyHandler>().GetAsync(otherActor, eoiId)).Error);
        Assert.IsType<AccessRefused>((await Portal.Get<EoiReplyHandler>().ReplyAsync(otherActor, eoiId, new EoiReplyForm(false, null, null, null))).Error);

        Assert.Equal(before + 2, await RefusalsAsync(other));
        Assert.Equal(2, await Portal.WithDbAsync(db => db.AuditEvents.CountAsync(a =>
            a.UserId == other && a.Action == AuditAction.Refused && a.Subject == "ExpressionOfInterest" && a.ReviewId == reviewId)));
    }

    [Fact]
    public async Task Appoint_OnePerson_GivesCaseAccessRecordsTheFeeAndMovesTheReviewOn_ButNotForAnAuthorWhoWasNotAppointed()
    {
        var reviewId = await CommissioningReviewAsync();
        var author = await AuthorIdAsync();
        var (other, otherEmail) = await NewAuthorAsync("Nina NotChosen");
        var eoiId = await SendAsync(reviewId, author, other);
        await Portal.Get<EoiReplyHandler>().ReplyAsync(await Portal.ActorAsync(DemoAccounts.Author), eoiId, new EoiReplyForm(true, "Now", "£12,500", null));

        var appointed = await AppointAsync(reviewId, eoiId, author, "12,500.00");

        Assert.True(appointed.IsSuccess, appointed.Error?.Message);
        Assert.Equal(Stage.PanelAndReport, appointed.Value.To);
        // The person appointed is told; the author not chosen is not.
        var mail = Assert.Single(await AppointmentMailsAsync(reviewId)).Value;
        Assert.Equal(DemoAccounts.Author, mail.RecipientAddress);
        Assert.Contains("appointed you chair and author of review", mail.TextBody, StringComparison.Ordinal);
        await Portal.WithDbAsync(async db =>
        {
            var appointment = await db.AuthorAppointments.SingleAsync(a => a.ReviewId == reviewId);
            Assert.Equal((author, AppointmentRole.ChairAndAuthor, 1_250_000L, (long?)eoiId), (appointment.UserId, appointment.Role, appointment.FeePence, appointment.ExpressionOfInterestId));
            Assert.Single(await db.ReviewParticipants.Where(p => p.ReviewId == reviewId && p.Kind == ParticipantKind.ChairAuthor && p.RevokedAtUtc == null).ToListAsync());
            Assert.Equal(EoiStatus.Appointed, (await db.ExpressionsOfInterest.SingleAsync(e => e.Id == eoiId)).Status);
            // The other author's reply task is closed with the appointment.
            Assert.Equal(0, await db.WorkItems.CountAsync(w => w.ReviewId == reviewId && w.Kind == WorkItemKind.ReplyToExpressionOfInterest && w.Status == WorkItemStatus.Open));
            return 0;
        });

        var review = Portal.Get<GetReviewHandler>();
        var seen = await review.HandleAsync(await Portal.ActorAsync(DemoAccounts.Author), reviewId);
        Assert.True(seen.IsSuccess);
        Assert.True(seen.Value.Access.CanSeeRestricted);
        var before = await RefusalsAsync(other);
        Assert.IsType<AccessRefused>((await review.HandleAsync(await Portal.ActorAsync(otherEmail), reviewId)).Error);
        Assert.Equal(before + 1, await RefusalsAsync(other));
    }

    [Fact]
    public async Task Appoint_TwoPeople_RecordsAChairAndAnAuthorEachWithTheirFee()
    {
        var reviewId = await CommissioningReviewAsync();
        var chair = await AuthorIdAsync();
        var (author, authorEmail) = await NewAuthorAsync("Ali Writer");

        var appointed = await AppointAsync(reviewId, null, chair, "£6,000", author, "8500");

        Assert.True(appointed.IsSuccess, appointed.Error?.Message);
        var rows = await Portal.WithDbAsync(db => db.AuthorAppointments.Where(a => a.ReviewId == reviewId).ToDictionaryAsync(a => a.UserId));
        Assert.Equal((AppointmentRole.Chair, 600_000L), (rows[chair].Role, rows[chair].FeePence));
        Assert.Equal((AppointmentRole.Author, 850_000L), (rows[author].Role, rows[author].FeePence));
        var mails = await AppointmentMailsAsync(reviewId);
        Assert.Equal(2, mails.Count);
        Assert.Contains("appointed you chair of review", mails[DemoAccounts.Author].TextBody, StringComparison.Ordinal);
        Assert.Contains("appointed you author of review", mails[authorEmail].TextBody, StringComparison.Ordinal);
        Assert.True((await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(authorEmail), reviewId)).IsSuccess);
    }

    [Fact]
    public async Task Appoint_FeeNotMoney_SaysSoAndNothingChanges()
    {
        var reviewId = await CommissioningReviewAsync();

        var result = await AppointAsync(reviewId, null, await AuthorIdAsync(), "12,50");

        var failed = Assert.IsType<ValidationFailed>(result.Error);
        Assert.Equal(nameof(AppointRequest.ChairFee), Assert.Single(failed.Errors).Field);
        await Portal.WithDbAsync(async db =>
        {
            Assert.Equal(Stage.Commissioning, (await db.Reviews.SingleAsync(r => r.Id == reviewId)).Stage);
            Assert.False(await db.AuthorAppointments.AnyAsync(a => a.ReviewId == reviewId));
            Assert.False(await db.ReviewParticipants.AnyAsync(p => p.ReviewId == reviewId));
            return 0;
        });
    }

    [Fact]
    public async Task EndAppointment_RevokesAccessAtOnce_JournalsAndAudits_AndTheEoiCanBeReopened()
    {
        var reviewId = await CommissioningReviewAsync();
        var author = await AuthorIdAsync();
        var eoiId = await SendAsync(reviewId, author);
        Assert.True((await AppointAsync(reviewId, eoiId, author, "£12,500")).IsSuccess);
        var authorActor = await Portal.ActorAsync(DemoAccounts.Author);
        Assert.True((await Portal.Get<GetReviewHandler>().HandleAsync(authorActor, reviewId)).IsSuccess);
        var appointmentId = await Portal.WithDbAsync(db => db.AuthorAppointments.Where(a => a.ReviewId == reviewId).Select(a => a.Id).SingleAsync());
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);

        var ended = await Portal.Get<EndAppointmentHandler>().HandleAsync(officer, appointmentId, "Resigned for personal reasons.", null);

        Assert.True(ended.IsSuccess, ended.Error?.Message);
        var before = await RefusalsAsync(author);
        Assert.IsType<AccessRefused>((await Portal.Get<GetReviewHandler>().HandleAsync(authorActor, reviewId)).Error);
        Assert.Equal(before + 1, await RefusalsAsync(author));
        Assert.DoesNotContain((await Portal.Get<AuthorHomeQuery>().HandleAsync(authorActor)).Value.Appointments, a => a.ReviewId == reviewId);
        await Portal.WithDbAsync(async db =>
        {
            var appointment = await db.AuthorAppointments.SingleAsync(a => a.Id == appointmentId);
            Assert.Equal((Today, "Resigned for personal reasons."), (appointment.EndedOn, appointment.EndReason));
            Assert.NotNull((await db.ReviewParticipants.SingleAsync(p => p.ReviewId == reviewId)).RevokedAtUtc);
            var journal = await db.JournalEntries.Where(j => j.ReviewId == reviewId).OrderBy(j => j.Id).LastAsync();
            Assert.Equal((JournalKind.AppointmentEnded, "Resigned for personal reasons."), (journal.Kind, journal.Comment));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Subject == "AuthorAppointment" && a.SubjectId == appointmentId.ToString() && a.Action == AuditAction.Changed));
            Assert.True(await db.WorkItems.AnyAsync(w => w.ReviewId == reviewId && w.Kind == WorkItemKind.AppointAuthor && w.Status == WorkItemStatus.Open));
            return 0;
        });

        // The engine's guard: no sign-off without a chair/author.
        var signOff = await Portal.Get<WorkflowEngine>().FireAsync(reviewId, TriggerArgs.For(Trigger.SubmitForSignOff), officer, Guid.NewGuid().ToString());
        Assert.IsType<ActionUnavailable>(signOff.Error);

        // Reopened: a new expression of interest from the old summary; the old one is closed.
        var view = await Portal.Get<CommissioningQuery>().HandleAsync(officer, reviewId);
        Assert.True(view.Value.MayCommission);
        var reopened = await Portal.Get<SendEoiHandler>().HandleAsync(officer,
            new SendEoi(reviewId, view.Value.Eois[0].Summary, Today.AddDays(10), [author], ReopensId: eoiId));
        Assert.True(reopened.IsSuccess, reopened.Error?.Message);
        Assert.Equal(EoiStatus.Closed, await Portal.WithDbAsync(db => db.ExpressionsOfInterest.Where(e => e.Id == eoiId).Select(e => e.Status).SingleAsync()));
        Assert.True((await AppointAsync(reviewId, reopened.Value, author, "£13,000")).IsSuccess);
    }

    [Fact]
    public async Task EndAppointment_WithoutAReason_SaysSoAndKeepsAccess()
    {
        var reviewId = await CommissioningReviewAsync();
        var author = await AuthorIdAsync();
        Assert.True((await AppointAsync(reviewId, null, author, "£12,500")).IsSuccess);
        var appointmentId = await Portal.WithDbAsync(db => db.AuthorAppointments.Where(a => a.ReviewId == reviewId).Select(a => a.Id).SingleAsync());

        var result = await Portal.Get<EndAppointmentHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), appointmentId, " ", null);

        Assert.Equal("Reason", Assert.Single(Assert.IsType<ValidationFailed>(result.Error).Errors).Field);
        Assert.True((await Portal.Get<GetReviewHandler>().HandleAsync(await Portal.ActorAsync(DemoAccounts.Author), reviewId)).IsSuccess);
    }

    [Fact]
    public async Task Directory_AddsAndInvites_RefusesDuplicatesAndBadRates_SearchesAndPages()
    {
        var officer = await Portal.ActorAsync(DemoAccounts.LrOfficer);
        var save = Portal.Get<SaveAuthorProfileHandler>();
        var email = $"dir-{Guid.NewGuid():N}@example.org";

        var bad = await save.AddAsync(officer, new AuthorProfileForm("", email, null, null, null, Today.AddDays(1), null, "lots", null));
        Assert.Equal([nameof(AuthorProfileForm.DayRate), nameof(AuthorProfileForm.DbsCheckedOn), nameof(AuthorProfileForm.Name)],
            Assert.IsType<ValidationFailed>(bad.Error).Errors.Select(e => e.Field).Order().ToList());
        Assert.False(await Portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var added = await save.AddAsync(officer, new AuthorProfileForm("Zed Zebra", email, null, "Stalking", "Rutland", null, null, "£500", null));
        Assert.True(added.IsSuccess, added.Error?.Message);
        Assert.True(added.Value.Invited);
        Assert.True(await Portal.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.RecipientAddress == email && m.Reason == "Invitation")));
        Assert.IsType<ValidationFailed>((await save.AddAsync(officer, new AuthorProfileForm("Zed Again", email, null, null, null, null, null, null, null))).Error);
        // The officer who is not an author cannot be added as one.
        Assert.IsType<ValidationFailed>((await save.AddAsync(officer, new AuthorProfileForm("Olivia", DemoAccounts.LrOfficer, null, null, null, null, null, null, null))).Error);

        var directory = Portal.Get<AuthorDirectoryQuery>();
        var found = await directory.HandleAsync(officer, "STALKING", new PageRequest());
        var row = Assert.Single(found.Value.Items, r => r.Email == email);
        Assert.Equal((50_000L, 0), (row.DayRatePence, row.PastReviews));
        var firstPage = await directory.HandleAsync(officer, null, new PageRequest(0, 1, nameof(AuthorRow.Name)));
        Assert.Single(firstPage.Value.Items);
        Assert.True(firstPage.Value.TotalCount >= 2);
        // The demo author was appointed to demo reviews: the most past reviews first.
        var busiest = await directory.HandleAsync(officer, null, new PageRequest(0, 5, nameof(AuthorRow.PastReviews), Descending: true));
        Assert.Equal("Alex Author", busiest.Value.Items[0].Name);
        Assert.True(busiest.Value.Items[0].PastReviews > 0);

        var changed = await save.ChangeAsync(officer, added.Value.Id, new AuthorProfileForm("Zed Zebra", null, "01632 960000", "Stalking", "Rutland", null, "Busy", "£550", "x", 0));
        Assert.Equal(nameof(AuthorProfileForm.ReviewFee), Assert.Single(Assert.IsType<ValidationFailed>(changed.Error).Errors).Field);
        Assert.Null(await Portal.WithDbAsync(db => db.AuthorProfiles.Where(p => p.Id == added.Value.Id).Select(p => p.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Directory_IsForOfficeStaffOnly_AndAnAuthorEditsOnlyTheirOwnAvailability()
    {
        var author = await Portal.ActorAsync(DemoAccounts.Author);
        var before = await RefusalsAsync(author.UserId);
        Assert.IsType<AccessRefused>((await Portal.Get<AuthorDirectoryQuery>().HandleAsync(author, null, new PageRequest())).Error);
        Assert.Equal(before + 1, await RefusalsAsync(author.UserId));

        var saved = await Portal.Get<MyAvailabilityHandler>().SaveAsync(author, "Available from February");
        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal("Available from February", await Portal.WithDbAsync(db => db.AuthorProfiles.Where(p => p.UserId == author.UserId).Select(p => p.Availability).SingleAsync()));
        Assert.IsType<NotFound>((await Portal.Get<MyAvailabilityHandler>().SaveAsync(await Portal.ActorAsync(DemoAccounts.LrOfficer), "x")).Error);
    }
}

public sealed class AuthorsEoiSqliteTests(SqliteFixture fixture) : AuthorsEoiTests(fixture), IClassFixture<SqliteFixture>;

public sealed class AuthorsEoiPostgresTests(PostgresFixture fixture) : AuthorsEoiTests(fixture), IClassFixture<PostgresFixture>;
