using Domain;
using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Access;
using Workflows.Data;

namespace Workflows.Process;

/// What a transition did (or, for a repeated idempotency key, did the first time).
public sealed record TransitionResult(int ReviewId, Trigger Trigger, Stage From, Stage To, long JournalEntryId, int Version, bool Repeated);

/// The action is not available now: the reasons say why (permission, guards), as on the review page.
public sealed record ActionUnavailable(string Action, IReadOnlyList<string> Reasons)
    : Error($"\"{Action}\" is not available: {string.Join(" ", Reasons)}");

public sealed record KeyReused()
    : Error("This form was already used for a different action. Reload the page and try again.");

/// One command on one review, in the context of the handler that opened it (WorkflowEngine.OpenAsync): the handler
/// checks what it needs against Access, fires one or more transitions, adds its own rows to Db and saves once with
/// SaveAsync, so the transitions and the feature's rows are one transaction and a failure leaves nothing of any.
/// <code>
/// if (await command.FireAsync(new RecordSignedOffArgs { Date = on }, key, ct) is { } error) return error;
/// if (command.Repeated is { } earlier) return earlier;   // the same form again: nothing more to do
/// db.Things.Add(...);                                    // the feature's own rows
/// return await command.SaveAsync(ct);
/// </code>
public sealed class ReviewCommand
{
    private readonly WorkflowEngine _engine;
    private readonly List<Transition> _fired = [];
    private CaseChanges? _changes;
    private bool _refused;

    internal ReviewCommand(WorkflowEngine engine, IReviewDb db, Actor actor, Review review, CaseAccess access, GuardFacts facts)
    {
        Facts = facts;
        _engine = engine;
        Db = db;
        Actor = actor;
        Review = review;
        Access = access;
        LoadedVersion = review.Version;
    }

    public IReviewDb Db { get; }

    public Actor Actor { get; }

    /// Tracked, with its participants; the engine moves it on.
    public Review Review { get; }

    public CaseAccess Access { get; }

    /// What the guards read besides the review, loaded once with it.
    public GuardFacts Facts { get; }

    /// The review's Version as loaded: what a page's expected version is compared with.
    public int LoadedVersion { get; }

    /// Set when the last FireAsync found its key already used for the same trigger: the earlier result. The handler
    /// returns it and records nothing more.
    public TransitionResult? Repeated { get; internal set; }

    /// When the command runs (business clock), as the engine stamps its rows.
    public DateTime NowUtc => _changes?.NowUtc ?? throw new InvalidOperationException("Fire a transition first.");

    /// Fires a transition (WorkflowEngine.FireAsync): null when it fired or was repeated (see Repeated), else why not.
    /// After a refusal (audited at once) the command's changes are discarded and it cannot be saved.
    public Task<Error?> FireAsync(TriggerArgs args, string idempotencyKey, CancellationToken ct = default)
    {
        ThrowIfRefused();
        return _engine.FireAsync(this, args, idempotencyKey, ct);
    }

    /// Saves the transitions and the handler's rows in one transaction; the result is the last transition's.
    public Task<Result<TransitionResult>> SaveAsync(CancellationToken ct = default)
    {
        ThrowIfRefused();
        return _fired.Count == 0
            ? throw new InvalidOperationException("Nothing was fired: return Repeated, or fire a transition before saving.")
            : _engine.SaveAsync(this, _fired[^1], ct);
    }

    /// Refuses the command: whatever it added so far is discarded and the refusal alone is audited.
    public async Task<Error> RefuseAsync(string detail, string what, CancellationToken ct = default)
    {
        await RefuseAsync(detail, ct);
        return new AccessRefused(what);
    }

    internal async Task RefuseAsync(string detail, CancellationToken ct)
    {
        _refused = true;
        Db.ChangeTracker.Clear();
        await _engine.AuditRefusalAsync(this, detail, ct);
    }

    /// The case's open clocks, tasks and timers, loaded once: each transition of the command sees what the ones
    /// before it opened and closed.
    internal async Task<CaseChanges> ChangesAsync(CancellationToken ct) =>
        _changes ??= await _engine.LoadChangesAsync(this, ct);

    internal void Fired(Transition transition) => _fired.Add(transition);

    private void ThrowIfRefused()
    {
        if (_refused)
        {
            throw new InvalidOperationException("This command was refused: its changes were discarded.");
        }
    }

    internal sealed record Transition(string Key, Trigger Trigger, Stage From, Stage To, JournalEntry Journal);
}
