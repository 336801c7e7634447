using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Audit;
using Workflows.Budget;
using Workflows.Documents;
using Workflows.Panels;
using Workflows.Data;
using Workflows.Process;
using Workflows.Reviews;
using Workflows.Time;
using Workflows.Timers;
using Workflows.WorkItems;

namespace Infrastructure.Seeding;

/// Gives the demo reviews real histories: each is registered and moved on through the engine at the business
/// time the step happened (a clock of its own, moved forward step by step), with the timer sweep run before each
/// step so that missed deadlines appear in the journal as they would have. Nothing is written by hand.
internal sealed class DemoHistories
{
    private readonly SeedTime _time = new();
    private readonly DateTime _realNowUtc;
    private readonly WorkflowEngine _engine;
    private readonly TimerSweep _sweep;
    private readonly WorkItemCommands _tasks;
    private readonly IReviewDbFactory _dbs;
    private readonly SeedServices _seeded;

    public DemoHistories(IServiceProvider services, BusinessClock realClock)
    {
        _realNowUtc = realClock.UtcNow;
        var clock = new BusinessClock(_time);
        var audit = new AuditLog(clock);
        _seeded = new SeedServices(services, clock, audit);
        _engine = ActivatorUtilities.CreateInstance<WorkflowEngine>(_seeded);
        _sweep = ActivatorUtilities.CreateInstance<TimerSweep>(_seeded, _engine);
        Register = ActivatorUtilities.CreateInstance<RegisterNotificationHandler>(_seeded, _engine);
        _tasks = ActivatorUtilities.CreateInstance<WorkItemCommands>(_seeded);
        _dbs = services.GetRequiredService<IReviewDbFactory>();
    }

    /// Registers with the notification date as business time.
    public RegisterNotificationHandler Register { get; }

    /// The business date today (the real clock's): the demo's later activity is dated from it.
    public DateOnly Today => London.DateOf(_realNowUtc);

    /// A page's handler on the demo's clock: what it records is dated at the business time set by AtAsync.
    public T Make<T>() => ActivatorUtilities.CreateInstance<T>(_seeded);

    public sealed record Step(int Day, TriggerArgs Args);

    public async Task AtAsync(DateOnly date, CancellationToken ct)
    {
        var at = London.StartOfDayUtc(date).AddHours(10);
        _time.Now = at < _realNowUtc ? at : _realNowUtc;
        await _sweep.RunAsync(ct);
    }

    /// Plays the steps (days after notification) up to today; later ones are left for the future.
    public async Task PlayAsync(Actor officer, int reviewId, string reference, DateOnly notified, IEnumerable<Step> steps, CancellationToken ct)
    {
        var n = 0;
        foreach (var step in steps)
        {
            var date = notified.AddDays(step.Day);
            if (date > London.DateOf(_realNowUtc))
            {
                break;
            }

            await AtAsync(date, ct);
            var result = await _engine.FireAsync(reviewId, step.Args with { Date = date }, officer, $"demo:{reference}:{++n}", ct);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"Demo review {reference} could not {step.Args.Trigger}: {result.Error!.Message}");
            }
        }
    }

    /// The officer gives the tasks their steps made theirs back to the team queue (as when one goes on leave), so
    /// that a newcomer sees both queues filled.
    public async Task HandBackAsync(Actor officer, int reviewId, CancellationToken ct)
    {
        await using var db = await _dbs.CreateAsync(ct);
        var mine = await db.WorkItems.Where(w => w.ReviewId == reviewId && w.Status == WorkItemStatus.Open && w.AssigneeUserId == officer.UserId)
            .Select(w => w.Id).ToListAsync(ct);
        foreach (var id in mine)
        {
            var result = await _tasks.UnclaimAsync(officer, id, ct: ct);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"A demo task could not be given back: {result.Error!.Message}");
            }
        }
    }

    public async Task<T> WithDbAsync<T>(Func<IReviewDb, Task<T>> query, CancellationToken ct)
    {
        await using var db = await _dbs.CreateAsync(ct);
        return await query(db);
    }

    /// Fires what fell due since the last step, at the real business time.
    public async Task CatchUpAsync(CancellationToken ct)
    {
        _time.Now = _realNowUtc;
        await _sweep.RunAsync(ct);
    }

    /// One history per demo case, in the order DemoData registers them.
    public static IReadOnlyList<Step[]> Scripts(string authorId)
    {
        static Step S(int day, Trigger trigger, string? comment = null) => new(day, TriggerArgs.For(trigger) with { Comment = comment });
        Step Appoint(int day) => new(day, new AppointAuthorArgs { AuthorUserId = authorId, FeePence = 1_450_000 });
        Step[] ToCommissioning(int presented, int decided) =>
        [
            S(presented, Trigger.PresentToCrg),
            S(decided, Trigger.RecordCriteriaMet, "Intimate partner homicide: the statutory criteria are met."),
            S(decided + 3, Trigger.RecordHomeOfficeNotified),
            S(decided + 15, Trigger.RecordHomeOfficeAcknowledged),
        ];

        return
        [
            // Published after QA amendments; the action plan is being monitored.
            [
                .. ToCommissioning(10, 25), Appoint(70), S(300, Trigger.SubmitForSignOff), S(320, Trigger.RecordSignedOff),
                S(330, Trigger.SubmitToHomeOffice), S(420, Trigger.RecordQaApprovedSubjectToAmendments, "Strengthen the recommendations on GP information sharing."),
                S(450, Trigger.RecordAmendmentsMade),
                new(500, new RecordPublishedArgs { PublicationLink = "https://www.example.org/community-safety/dhr-case-a-2024" }),
            ],
            // On hold while a criminal trial runs.
            [
                .. ToCommissioning(7, 20), Appoint(60),
                new(120, new PutOnHoldArgs { HoldReason = HoldReason.CriminalTrial, ExpectedReviewDate = new DateOnly(2027, 1, 15), Comment = "Trial listed at the Crown Court." }),
            ],
            // Signed off and submitted; QA has not answered.
            [.. ToCommissioning(14, 28), Appoint(70), S(330, Trigger.SubmitForSignOff), S(345, Trigger.RecordSignedOff), S(360, Trigger.SubmitToHomeOffice)],
            // Criteria not met, then a Home Office direction; the CSP is taking advice (a challenge, once lodged, is recorded
            // under Legal challenges).
            [
                S(10, Trigger.PresentToCrg),
                new(25, new RecordCriteriaNotMetArgs { Comment = "No evidence of a qualifying relationship at the time of death." }),
                S(27, Trigger.RecordHomeOfficeNotified),
                new(90, new RecordHomeOfficeDirectionArgs { Comment = "The Home Office directs a review; the CSP is seeking legal advice." }),
                Appoint(130),
            ],
            // Held for an inquest and resumed: the clocks moved on by the days held.
            [
                .. ToCommissioning(12, 26),
                new(50, new PutOnHoldArgs { HoldReason = HoldReason.Inquest, ExpectedReviewDate = new DateOnly(2025, 12, 15) }),
                S(110, Trigger.Resume, "Inquest concluded."), Appoint(115),
            ],
            // More information first, then a late decision.
            [
                S(14, Trigger.PresentToCrg), S(28, Trigger.RecordMoreInformationNeeded, "Ask mental health services for their contact history."),
                S(56, Trigger.RecordCriteriaMet, "Death at the hands of an adult son: criteria met."), S(70, Trigger.RecordHomeOfficeNotified),
            ],
            // Presented; the CRG decision is awaited.
            [S(20, Trigger.PresentToCrg)],
            // Criteria not met; the Home Office agreed and the case was closed.
            [
                S(10, Trigger.PresentToCrg), S(30, Trigger.RecordCriteriaNotMet, "The death was not the result of abuse by a relative or household member."),
                S(33, Trigger.RecordHomeOfficeNotified), S(80, Trigger.CloseWithoutReview, "The Home Office accepted the decision."),
            ],
            // Approved by QA after the CRG sent it back once; awaiting publication.
            [
                .. ToCommissioning(9, 24), Appoint(60), S(250, Trigger.SubmitForSignOff),
                S(265, Trigger.RecordAmendmentsRequired, "Add the family's account of agency contact."), S(300, Trigger.SubmitForSignOff),
                S(310, Trigger.RecordSignedOff), S(320, Trigger.SubmitToHomeOffice), S(400, Trigger.RecordQaApproved),
            ],
            // Commissioning a chair/author.
            ToCommissioning(14, 30),
            // An alternative review after "criteria not met".
            [
                S(10, Trigger.PresentToCrg),
                new(30, new RecordCriteriaNotMetArgs { AlternativeReview = true, Comment = "Criteria not met, but the MARAC history holds learning: alternative review." }),
                S(33, Trigger.RecordHomeOfficeNotified), S(60, Trigger.RecordHomeOfficeAcknowledged),
            ],
            // Just notified.
            [],
        ];
    }

    /// The portal's services, with the demo's clock (and the audit log and helpers that read it) in place of the real one.
    private sealed class SeedServices(IServiceProvider inner, BusinessClock clock, AuditLog audit) : IServiceProvider
    {
        private static readonly HashSet<Type> OnTheDemoClock =
            [typeof(MeetingInvitations), typeof(MeetingChanges), typeof(DocumentUploads), typeof(BudgetChanges)];

        public object? GetService(Type serviceType) =>
            serviceType == typeof(BusinessClock) ? clock
            : serviceType == typeof(AuditLog) ? audit
            : OnTheDemoClock.Contains(serviceType) ? ActivatorUtilities.CreateInstance(this, serviceType)
            : inner.GetService(serviceType);
    }

    private sealed class SeedTime : TimeProvider
    {
        public DateTime Now { get; set; }

        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
    }
}
