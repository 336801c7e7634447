using Domain.Authors;
using Domain.Crg;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Workflow;
using Infrastructure.Data.Migrations;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// The migration that gives journal rows and case updates written before issue 15 their dates (EventDatesBackfill), run
/// on each provider over rows shaped as an earlier release left them: no date it happened, only when recorded.
public abstract class EventDatesBackfillTests(ProviderFixture fixture)
{
    private static readonly DateOnly Notified = new(2026, 6, 1);

    private PortalFactory Portal => fixture.Portal;

    private static DateOnly N(int days) => Notified.AddDays(days);

    /// 10:00 UTC (11:00 in London, summer) on the day.
    private static DateTime At(int days, int hourUtc = 10) => N(days).ToDateTime(new TimeOnly(hourUtc, 0), DateTimeKind.Utc);

    [Fact]
    public async Task OldRows_GetTheDatesTheirStepsCarried_ElseTheLondonDateRecorded_AndImportedRowsTheirOwn()
    {
        var id = await Portal.RegisterReviewAsync(Notified);
        var imported = await Portal.RegisterReviewAsync(Notified);
        var author = await Portal.WithDbAsync(db => db.Users.Select(u => u.Id).FirstAsync());
        var entries = await Portal.WithDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == id);
            (review.CrgFirstPresentedOn, review.DecidedOn, review.HomeOfficeNotifiedOn, review.SignedOffOn, review.PublishedOn) =
                (N(3), N(10), N(12), N(60), N(90));
            var other = await db.Reviews.SingleAsync(r => r.Id == imported);
            other.DecidedOn = N(20);
            db.JournalEntries.RemoveRange(db.JournalEntries.Where(j => j.ReviewId == id || j.ReviewId == imported));
            db.CaseUpdates.Add(new CaseUpdate { ReviewId = id, Text = "Draft 1 with the panel.", RecordedAtUtc = At(50, 23), ByUserId = author });
            var meeting = new CrgMeeting { OfficeId = review.LeadOfficeId, MeetingDate = N(8), CreatedByUserId = author };
            db.CrgMeetings.Add(meeting);
            await db.SaveChangesAsync();
            db.CrgAgendaItems.Add(new CrgAgendaItem
            {
                MeetingId = meeting.Id, ReviewId = id, Outcome = CrgItemOutcome.MoreInformationNeeded, OutcomeRecordedAtUtc = At(9, 14), OutcomeRecordedByUserId = author,
            });
            db.AuthorAppointments.AddRange(
                new AuthorAppointment { ReviewId = id, UserId = author, AppointedOn = N(20), EndedOn = N(30) },
                new AuthorAppointment { ReviewId = id, UserId = author, AppointedOn = N(40) });
            db.HomeOfficeSubmissions.Add(new HomeOfficeSubmission
            {
                ReviewId = id, Number = 1, SubmittedOn = N(63), QaOutcome = QaOutcome.Approved, QaOutcomeOn = N(80), RecordedAtUtc = At(64), RecordedByUserId = author,
            });

            JournalEntry Row(int reviewId, DateTime recorded, JournalKind kind, Trigger? trigger = null, bool isImported = false)
            {
                var entry = new JournalEntry
                {
                    ReviewId = reviewId, RecordedAtUtc = recorded, Kind = kind, ToStage = Stage.NotificationReceived, Trigger = trigger, UserId = author,
                    DefinitionId = "dardr", DefinitionVersion = 1, IsImported = isImported,
                };
                db.JournalEntries.Add(entry);
                return entry;
            }

            var rows = new Dictionary<string, JournalEntry>
            {
                ["started"] = Row(id, At(2), JournalKind.Started),
                ["presented"] = Row(id, At(5), JournalKind.Transition, Trigger.PresentToCrg),
                ["more information"] = Row(id, At(9, 14), JournalKind.Transition, Trigger.RecordMoreInformationNeeded),
                ["decided"] = Row(id, At(15), JournalKind.Transition, Trigger.RecordCriteriaMet),
                ["notified"] = Row(id, At(16), JournalKind.Transition, Trigger.RecordHomeOfficeNotified),
                ["deadline"] = Row(id, At(19, 23), JournalKind.Deadline),
                ["appointed"] = Row(id, At(25), JournalKind.Transition, Trigger.AppointAuthor),
                ["appointed again"] = Row(id, At(45), JournalKind.Transition, Trigger.AppointAuthor),
                ["for sign-off"] = Row(id, At(50, 23), JournalKind.Transition, Trigger.SubmitForSignOff),
                ["signed off"] = Row(id, At(62), JournalKind.Transition, Trigger.RecordSignedOff),
                ["submitted"] = Row(id, At(64), JournalKind.Transition, Trigger.SubmitToHomeOffice),
                ["approved"] = Row(id, At(85), JournalKind.Transition, Trigger.RecordQaApproved),
                ["published"] = Row(id, At(92), JournalKind.Transition, Trigger.RecordPublished),
                // Imported at noon London time (11:00 UTC in summer) on the tracker's date.
                ["imported start"] = Row(imported, At(0, 11), JournalKind.Started, isImported: true),
                ["imported decision"] = Row(imported, At(25, 11), JournalKind.Transition, Trigger.RecordCriteriaMet, isImported: true),
            };
            await db.SaveChangesAsync();
            return rows.ToDictionary(r => r.Key, r => r.Value.Id);
        });

        await Portal.WithDbAsync(async db =>
        {
            foreach (var sql in Portal.PostgresConnection is null ? EventDatesBackfill.Sqlite : EventDatesBackfill.PostgreSql)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }

            return 0;
        });

        var dates = await Portal.WithDbAsync(db => db.JournalEntries.Where(j => j.ReviewId == id || j.ReviewId == imported)
            .ToDictionaryAsync(j => j.Id, j => j.OccurredOn));
        var expected = new Dictionary<string, DateOnly>
        {
            ["started"] = Notified,
            ["presented"] = N(3),
            ["more information"] = N(8), // the meeting's date
            ["decided"] = N(10),
            ["notified"] = N(12),
            ["deadline"] = N(20), // 23:00 UTC is midnight in London
            ["appointed"] = N(20),
            ["appointed again"] = N(40),
            ["for sign-off"] = N(51),
            ["signed off"] = N(60),
            ["submitted"] = N(63),
            ["approved"] = N(80),
            ["published"] = N(90),
            ["imported start"] = Notified,
            ["imported decision"] = N(25),
        };
        Assert.Equal(expected, expected.Keys.ToDictionary(k => k, k => dates[entries[k]]));
        Assert.Equal(N(51), await Portal.WithDbAsync(db => db.CaseUpdates.Where(u => u.ReviewId == id).Select(u => u.AsAt).SingleAsync()));
    }
}

public sealed class SqliteEventDatesBackfillTests(SqliteFixture fixture) : EventDatesBackfillTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresEventDatesBackfillTests(PostgresFixture fixture) : EventDatesBackfillTests(fixture), IClassFixture<PostgresFixture>;
