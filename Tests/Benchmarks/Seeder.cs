using System.Diagnostics;
using Domain.Access;
using Domain.Calendar;
using Domain.Organisations;
using Domain.Reviews;
using Domain.Workflow;
using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using NpgsqlTypes;
using static NpgsqlTypes.NpgsqlDbType;

namespace Portal.Benchmarks;

/// What was seeded: the people and cases the measurements act as and on.
public sealed record SeededData(
    int Reviews, int WorkItems, int JournalEntries, int Timers, int Clocks, int Users, TimeSpan Elapsed,
    IReadOnlyList<string> OfficerIds, IReadOnlyDictionary<string, int[]> ReviewsByOfficer, DateTime LatestTimerDueUtc);

/// The benchmark's data set, the same on both providers (fixed random seed). Per review: 20 work items (12 done, 8
/// open), 100 journal rows, 2 running clocks; every open task and running clock has a pending timer, so there are
/// exactly 10 timers per review (100,000 for 10,000 reviews). 20 review offices serve 5 CSPs each; each office has
/// 10 officers and a manager, so an officer's team queue is one office's unassigned tasks (about 1,900).
public static class Seeder
{
    public const int Offices = 20;
    public const int CspsPerOffice = 5;
    public const int Agencies = 40;
    public const int OfficersPerOffice = 10;
    public const int Authors = 20;
    public const int ItemsPerReview = 20;
    public const int OpenItemsPerReview = 8;
    public const int JournalPerReview = 100;

    private static readonly Stage[] OpenStages =
    [
        Stage.NotificationReceived, Stage.AwaitingCrgDecision, Stage.DecisionNotified, Stage.Commissioning, Stage.PanelAndReport,
        Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication, Stage.ActionPlanMonitoring,
    ];

    private static readonly Table Organisations = new("Organisations",
        new("Id", Integer), new("Name", Text), new("Kind", Text), new("Code", Text), new("ServingOfficeId", Integer), new("IsActive", NpgsqlDbType.Boolean),
        new("Version", Integer));

    private static readonly Table Users = new("AspNetUsers",
        new("Id", Text), new("DisplayName", Text), new("CreatedAtUtc", TimestampTz), new("IsDisabled", NpgsqlDbType.Boolean), new("UserName", Text),
        new("NormalizedUserName", Text), new("Email", Text), new("NormalizedEmail", Text), new("EmailConfirmed", NpgsqlDbType.Boolean),
        new("SecurityStamp", Text), new("ConcurrencyStamp", Text), new("PhoneNumberConfirmed", NpgsqlDbType.Boolean), new("TwoFactorEnabled", NpgsqlDbType.Boolean),
        new("LockoutEnabled", NpgsqlDbType.Boolean), new("AccessFailedCount", Integer), new("MustChangePassword", NpgsqlDbType.Boolean));

    private static readonly Table UserRoles = new("AspNetUserRoles", new("UserId", Text), new("RoleId", Text));

    private static readonly Table Memberships = new("Memberships", new("UserId", Text), new("OrganisationId", Integer));

    private static readonly Table AgencyOffices = new("AgencyOffices", new("AgencyId", Integer), new("OfficeId", Integer));

    private static readonly Table Reviews = new("Reviews",
        new("Id", Integer), new("Reference", Text), new("CaseLabel", Text), new("CaseLabelKey", Text), new("SearchText", Text), new("Type", Text),
        new("JointWithSar", NpgsqlDbType.Boolean), new("JointWithCspr", NpgsqlDbType.Boolean), new("IsAlternativeReview", NpgsqlDbType.Boolean), new("LeadCspId", Integer),
        new("LeadOfficeId", Integer), new("NotifyingAgencyId", Integer), new("DateNotified", Date), new("NotificationYear", Integer),
        new("DeathYear", Integer), new("DeathMonth", Integer), new("NumberOfDeceased", Integer), new("Summary", Text), new("Stage", Text),
        new("DefinitionId", Text), new("DefinitionVersion", Integer), new("CreatedAtUtc", TimestampTz), new("CreatedByUserId", Text),
        new("Version", Integer), new("HeldFromStage", Text), new("HoldReason", Text), new("HeldSince", Date), new("HoldExpectedReviewDate", Date),
        new("FamilyConsentWithdrawn", NpgsqlDbType.Boolean), new("HomeOfficeDirected", NpgsqlDbType.Boolean), new("UnderChallenge", NpgsqlDbType.Boolean),
        new("QaPointsOutstanding", Integer));

    private static readonly Table ReviewCsps = new("ReviewCsps", new("ReviewId", Integer), new("CspId", Integer));

    private static readonly Table Clocks = new("ReviewClocks",
        new("Id", Bigint), new("ReviewId", Integer), new("Kind", Text), new("StartDate", Date), new("BaseDueDate", Date), new("PausedDays", Integer),
        new("PausedSince", Date), new("DueDate", Date), new("Status", Text));

    private static readonly Table WorkItems = new("WorkItems",
        new("Id", Bigint), new("ReviewId", Integer), new("Kind", Text), new("Title", Text), new("Stage", Text), new("IsProcessStep", NpgsqlDbType.Boolean),
        new("CandidateRole", Text), new("OfficeId", Integer), new("AgencyId", Integer), new("CandidateUserId", Text), new("AssigneeUserId", Text),
        new("AssignedAtUtc", TimestampTz), new("DueDate", Date), new("FollowUpDate", Date), new("Priority", Text), new("Status", Text),
        new("Outcome", Text), new("CompletedByUserId", Text), new("CompletedAtUtc", TimestampTz), new("CreatedAtUtc", TimestampTz),
        new("IsPaused", NpgsqlDbType.Boolean), new("PausedSince", Date), new("Version", Integer));

    private static readonly Table Timers = new("Timers",
        new("Id", Bigint), new("ReviewId", Integer), new("Kind", Text), new("DueAtUtc", TimestampTz), new("Status", Text), new("ClockId", Bigint),
        new("WorkItemId", Bigint), new("CreatedAtUtc", TimestampTz));

    private static readonly Table Journal = new("JournalEntries",
        new("Id", Bigint), new("ReviewId", Integer), new("OccurredOn", Date), new("RecordedAtUtc", TimestampTz), new("UserId", Text), new("Kind", Text),
        new("FromStage", Text),
        new("ToStage", Text), new("Trigger", Text), new("Comment", Text), new("Detail", Text), new("DefinitionId", Text),
        new("DefinitionVersion", Integer), new("IsImported", NpgsqlDbType.Boolean));

    public static async Task<SeededData> SeedAsync(BenchHost host, int reviewCount)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(20261123);
        var now = BenchHost.Now.UtcDateTime;
        var today = London.DateOf(now);
        Dictionary<string, string> roleIds;
        await using (var db = await host.Get<IReviewDbFactory>().CreateAsync())
        {
            roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        }

        // Organisations: offices 1..20, CSPs next (5 per office), then agencies.
        var orgs = new List<object?[]>();
        for (var o = 1; o <= Offices; o++)
        {
            orgs.Add([o, $"Review Office {o:00}", OrganisationKind.ReviewOffice, OfficeCode(o), null, true, 1]);
        }

        var cspIds = Enumerable.Range(Offices + 1, Offices * CspsPerOffice).ToArray();
        var officeOfCsp = cspIds.ToDictionary(c => c, c => 1 + ((c - Offices - 1) % Offices));
        orgs.AddRange(cspIds.Select(c => new object?[] { c, $"CSP {c:000}", OrganisationKind.Csp, null, officeOfCsp[c], true, 1 }));
        var agencyIds = Enumerable.Range(cspIds[^1] + 1, Agencies).ToArray();
        orgs.AddRange(agencyIds.Select(a => new object?[] { a, $"Agency {a:000}", OrganisationKind.Agency, null, null, true, 1 }));
        // Each agency works with two neighbouring offices (so each office with four agencies), and is offered tasks only
        // on those offices' reviews: what its contacts reach (AgencyReach).
        var agencyOffices = agencyIds.SelectMany((a, i) => new[] { 1 + (i % Offices), 1 + ((i + 1) % Offices) }.Select(o => (Agency: a, Office: o))).ToList();
        var agenciesOf = agencyOffices.ToLookup(p => p.Office, p => p.Agency);

        // People: officers and a manager per office, independent authors, one contact per agency.
        var users = new List<object?[]>();
        var userRoles = new List<object?[]>();
        var memberships = new List<object?[]>();
        var officersOf = new Dictionary<int, List<string>>();
        var n = 0;
        string AddUser(string name, Role role, int? organisationId)
        {
            var id = $"bench-user-{++n:0000}";
            var email = $"user{n:0000}@bench.example.org";
            users.Add([id, name, now.AddYears(-2), false, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true,
                Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), false, false, true, 0, false]);
            userRoles.Add([id, roleIds[role.ToString()]]);
            if (organisationId is int org)
            {
                memberships.Add([id, org]);
            }

            return id;
        }

        for (var o = 1; o <= Offices; o++)
        {
            officersOf[o] = Enumerable.Range(1, OfficersPerOffice).Select(i => AddUser($"Officer {i} of office {o}", Role.ReviewOfficer, o)).ToList();
            AddUser($"Manager of office {o}", Role.Manager, o);
        }

        var authorIds = Enumerable.Range(1, Authors).Select(i => AddUser($"Author {i}", Role.IndependentAuthor, null)).ToArray();
        foreach (var agency in agencyIds)
        {
            AddUser($"Contact at agency {agency}", Role.AgencyContact, agency);
        }

        await using var writer = await BulkWriter.OpenAsync(host);
        await writer.WriteAsync(Organisations, orgs);
        await writer.WriteAsync(Users, users);
        await writer.WriteAsync(UserRoles, userRoles);
        await writer.WriteAsync(Memberships, memberships);
        await writer.WriteAsync(AgencyOffices, agencyOffices.Select(p => new object?[] { p.Agency, p.Office }));

        // Reviews, with what hangs off each: involved CSPs, clocks, tasks, timers, journal. Streamed table by table.
        var reviews = new ReviewSeed[reviewCount];
        var sequence = new Dictionary<(int Office, int Year), int>();
        for (var i = 0; i < reviewCount; i++)
        {
            var csp = cspIds[i % cspIds.Length];
            var office = officeOfCsp[csp];
            var notified = today.AddDays(-random.Next(30, 4 * 365));
            var key = (office, notified.Year);
            sequence[key] = sequence.GetValueOrDefault(key) + 1;
            var onHold = random.NextDouble() < 0.05;
            reviews[i] = new ReviewSeed(i + 1, csp, office, notified, CaseLabels.Reference(OfficeCode(office), notified.Year, sequence[key]),
                onHold ? Stage.OnHold : OpenStages[random.Next(OpenStages.Length)], onHold ? OpenStages[random.Next(1, 6)] : null,
                random.NextDouble() < 0.2 ? cspIds[random.Next(cspIds.Length)] : null);
        }

        await writer.WriteAsync(Reviews, reviews.Select(r =>
        {
            var label = $"Case {CaseLabels.Letters(r.Id)} {r.Notified.Year}";
            return new object?[]
            {
                r.Id, r.Reference, label, CaseLabels.Normalise(label), CaseLabels.SearchText(label, r.Reference), ReviewType.Dardr,
                false, false, false, r.CspId, r.OfficeId, agencyIds[r.Id % agencyIds.Length], r.Notified, r.Notified.Year,
                r.Notified.AddMonths(-2).Year, r.Notified.AddMonths(-2).Month, 1, "", r.Stage, "dardr", 1, StartOf(r.Notified),
                officersOf[r.OfficeId][0], 5, r.HeldFrom, r.HeldFrom is null ? null : HoldReason.CriminalTrial,
                r.HeldFrom is null ? null : today.AddDays(-40), r.HeldFrom is null ? null : today.AddDays(60), false, false, false, 0,
            };
        }));
        await writer.WriteAsync(ReviewCsps, reviews.Where(r => r.InvolvedCspId is int c && c != r.CspId).Select(r => new object?[] { r.Id, r.InvolvedCspId }));

        // Two running clocks per review (on hold: the two kinds a hold does not pause, plus the paused completion clock).
        var clocks = new List<(long Id, int ReviewId, DateOnly Due, bool Running)>();
        var clockRows = new List<object?[]>();
        foreach (var r in reviews)
        {
            var kinds = r.Stage == Stage.OnHold
                ? new[] { ClockKind.HomeOfficeNotification, ClockKind.QaChase, ClockKind.Completion }
                : [ClockKind.Decision, ClockKind.Completion];
            foreach (var kind in kinds)
            {
                var paused = r.Stage == Stage.OnHold && kind == ClockKind.Completion;
                var due = today.AddDays(random.Next(-20, 200));
                var id = clocks.Count + 1L;
                clocks.Add((id, r.Id, due, !paused));
                clockRows.Add([id, r.Id, kind, r.Notified, due, 0, paused ? today.AddDays(-40) : null, due,
                    paused ? ClockStatus.Paused : ClockStatus.Running]);
            }
        }

        await writer.WriteAsync(Clocks, clockRows);

        var itemKinds = Enum.GetValues<WorkItemKind>();
        var items = new List<(long Id, int ReviewId, DateOnly Due)>();
        IEnumerable<object?[]> ItemRows()
        {
            foreach (var r in reviews)
            {
                var officers = officersOf[r.OfficeId];
                for (var k = 0; k < ItemsPerReview; k++)
                {
                    var id = (long)(r.Id - 1) * ItemsPerReview + k + 1;
                    var kind = itemKinds[random.Next(itemKinds.Length)];
                    var created = StartOf(r.Notified).AddDays(k * 3);
                    if (k < ItemsPerReview - OpenItemsPerReview)
                    {
                        var by = officers[random.Next(officers.Count)];
                        yield return [id, r.Id, kind, $"{kind} ({k})", r.Stage, true, Role.ReviewOfficer, r.OfficeId, null, null, by, created,
                            r.Notified.AddDays(k * 3 + 20), null, WorkItemPriority.Normal, WorkItemStatus.Completed, "Done: recorded on the review",
                            by, created.AddDays(2), created, false, null, 3];
                        continue;
                    }

                    // Open: offered to the lead office (a few to an agency or a named author), 40% already claimed.
                    var target = random.NextDouble();
                    int? office = target < 0.9 ? r.OfficeId : null;
                    int? agency = target is >= 0.9 and < 0.95 ? agenciesOf[r.OfficeId].ElementAt(random.Next(agenciesOf[r.OfficeId].Count())) : null;
                    var named = target >= 0.95 ? authorIds[random.Next(authorIds.Length)] : null;
                    var role = random.NextDouble() switch { < 0.85 => Role.ReviewOfficer, < 0.95 => Role.Manager, _ => (Role?)null };
                    var assignee = office is not null && random.NextDouble() < 0.4 ? officers[random.Next(officers.Count)] : null;
                    var due = today.AddDays(random.Next(-30, 120));
                    var paused = random.NextDouble() < 0.03;
                    var priority = random.NextDouble() switch { < 0.7 => WorkItemPriority.Normal, < 0.9 => WorkItemPriority.High, _ => WorkItemPriority.Urgent };
                    items.Add((id, r.Id, due));
                    yield return [id, r.Id, kind, $"{kind} ({k})", r.Stage == Stage.OnHold ? r.HeldFrom : r.Stage, true, office is null ? null : role,
                        office, agency, named, assignee, assignee is null ? null : created.AddDays(1), due,
                        random.NextDouble() < 0.2 ? due.AddDays(-7) : null, priority, WorkItemStatus.Open, null, null, null, created, paused,
                        paused ? today.AddDays(-10) : null, 1];
                }
            }
        }

        await writer.WriteAsync(WorkItems, ItemRows());

        // A pending timer for every open task and running clock: due at the start of the London day after.
        var timerRows = items.Select(i => (i.ReviewId, Kind: TimerKind.WorkItemDue, i.Due, ClockId: (long?)null, ItemId: (long?)i.Id))
            .Concat(clocks.Where(c => c.Running).Select(c => (c.ReviewId, Kind: TimerKind.ClockDue, c.Due, ClockId: (long?)c.Id, ItemId: (long?)null)))
            .Select((t, index) => new object?[] { index + 1L, t.ReviewId, t.Kind, London.OverdueFromUtc(t.Due), TimerStatus.Pending, t.ClockId, t.ItemId, now.AddDays(-30) })
            .ToList();
        await writer.WriteAsync(Timers, timerRows);

        var triggers = Enum.GetValues<Trigger>();
        IEnumerable<object?[]> JournalRows()
        {
            long id = 0;
            foreach (var r in reviews)
            {
                var officers = officersOf[r.OfficeId];
                var at = StartOf(r.Notified);
                var span = Math.Max(1.0, (now - at).TotalMinutes / (JournalPerReview + 1));
                for (var k = 0; k < JournalPerReview; k++)
                {
                    at = at.AddMinutes(span * (0.5 + random.NextDouble()));
                    var deadline = random.NextDouble() < 0.15;
                    var from = OpenStages[random.Next(OpenStages.Length)];
                    yield return
                    [
                        ++id, r.Id, London.DateOf(at), at, deadline ? null : officers[random.Next(officers.Count)],
                        k == 0 ? JournalKind.Started : deadline ? JournalKind.Deadline : JournalKind.Transition,
                        k == 0 ? null : from, deadline ? from : OpenStages[random.Next(OpenStages.Length)],
                        k == 0 || deadline ? null : triggers[random.Next(triggers.Length)],
                        random.NextDouble() < 0.3 ? "The panel agreed the terms of reference; the chair will circulate a draft within four weeks." : null,
                        "Task opened: Record the CRG decision, due 12 Dec 2026. Review completion due: 23 May 2027.", "dardr", 1, false,
                    ];
                }
            }
        }

        await writer.WriteAsync(Journal, JournalRows());
        await writer.CompleteAsync([Organisations, Reviews, Clocks, WorkItems, Timers, Journal]);
        // What the portal does on start and every night: SQLite's planner statistics (on PostgreSQL the writer's
        // ANALYZE has done what autovacuum would).
        await host.Get<PlannerStatistics>().RefreshAsync();

        var officerIds = officersOf.Values.Select(o => o[1]).ToList();
        var reviewsByOfficer = officersOf.ToDictionary(o => o.Value[1], o => reviews.Where(r => r.OfficeId == o.Key).Select(r => r.Id).ToArray());
        return new SeededData(reviewCount, reviewCount * ItemsPerReview, reviewCount * JournalPerReview, timerRows.Count, clockRows.Count,
            users.Count, watch.Elapsed, officerIds, reviewsByOfficer, timerRows.Max(t => (DateTime)t[3]!));
    }

    /// Two capital letters per office: AA, AB, ...
    private static string OfficeCode(int office) => $"{(char)('A' + ((office - 1) / 26))}{(char)('A' + ((office - 1) % 26))}";

    private static DateTime StartOf(DateOnly date) => date.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);

    private sealed record ReviewSeed(int Id, int CspId, int OfficeId, DateOnly Notified, string Reference, Stage Stage, Stage? HeldFrom, int? InvolvedCspId);
}
