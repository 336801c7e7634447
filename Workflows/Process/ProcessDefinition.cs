using System.Collections.Concurrent;
using System.Text;
using Domain.Access;
using Domain.Reviews;
using Domain.Workflow;
using Stateless;
using Stateless.Graph;

namespace Workflows.Process;

/// An action on the review page: available, or not with the reasons a person can read (permission and guards).
public sealed record ActionOption(Trigger Trigger, string Label, bool IsAvailable, IReadOnlyList<string> Reasons);

/// A versioned process definition: a Stateless machine built per command over a review's stage (external state
/// on the Review row), plus who may fire each trigger. Subclasses declare the table in Configure.
public abstract partial class ProcessDefinition
{
    private readonly ConcurrentDictionary<Stage, IReadOnlyList<Trigger>> _triggers = new();

    public abstract string Id { get; }

    public abstract int Version { get; }

    public string Name => $"{Id} v{Version}";

    /// The process as people read it, e.g. "DARDR process, version 1".
    public string Title => Describe(Id, Version);

    public static string Describe(string id, int version) => $"{id.ToUpperInvariant()} process, version {version}";

    /// Roles that may fire the trigger; the actor must also be staff of the review's lead office.
    public abstract IReadOnlySet<Role> WhoMayFire(Trigger trigger);

    // Short parameter names keep the table in the definitions readable. Guards read the review and the facts.
    protected abstract void Configure(StateMachine<Stage, Trigger> m, Review r, GuardFacts f);

    /// What starting a new case causes (clocks, first task), added to the registration's transaction.
    public abstract void Start(CaseChanges c);

    /// What a transition causes (args.Trigger), after the machine has moved the review from `from` to its new stage.
    public abstract void Apply(CaseChanges c, Stage from, TriggerArgs args);

    /// Who may correct the date of the review's latest step (recorded by mistake with the wrong date); they must also be
    /// staff of the review's lead office.
    public abstract IReadOnlySet<Role> WhoMayCorrectDates { get; }

    /// Why the date of a step fired by this trigger cannot be corrected; null when it can.
    public virtual string? CannotCorrectDate(Trigger trigger) => null;

    /// Why a step fired by this trigger cannot be undone (its effects reach beyond the review's process, which the engine
    /// cannot take back); null when it can. Undoing puts back the review's fields and clocks as they were before the step
    /// (StepState) and the tasks and timers it opened or closed (CaseChanges.UndoStep).
    public virtual string? CannotUndo(Trigger trigger) => null;

    /// What the review's latest step, fired by `trigger` on `from` and recorded at `recordedAtUtc`, causes when it
    /// happened on `to` instead: the dates it set on the review, the clocks it completed, started, paused or resumed
    /// (their due dates, timers and tasks). The engine moves the journal entry's date (WorkflowEngine.CorrectDateAsync).
    public abstract void CorrectDate(CaseChanges c, Trigger trigger, DateOnly from, DateOnly to, DateTime recordedAtUtc);

    /// The one transition step, for every command that moves a review (a person's, an import's): the machine moves the
    /// review, Apply adds what the transition causes, and the journal says what happened. The step happened on the date
    /// given (args.Date), today when none was. Nothing is saved here.
    public JournalEntry Fire(CaseChanges changes, GuardFacts facts, TriggerArgs args)
    {
        var review = changes.Review;
        var from = review.Stage;
        var on = args.Date ?? changes.Today;
        Build(review, facts).Fire(args.Trigger);
        Apply(changes, from, args with { Date = on });
        review.Version++;
        return changes.Journal(JournalKind.Transition, from, args.Trigger, args.Comment, on);
    }

    /// The step that starts the process: the first clocks and task, and the journal's first entry, which happened on
    /// the day the death was notified.
    public JournalEntry Begin(CaseChanges changes, string comment)
    {
        Start(changes);
        return changes.Journal(JournalKind.Started, null, null, comment, changes.Review.DateNotified);
    }

    /// The machine reads and writes review.Stage; guards read the review and the facts the features answered. Cheap:
    /// build one per command.
    public StateMachine<Stage, Trigger> Build(Review review, GuardFacts facts)
    {
        var machine = new StateMachine<Stage, Trigger>(() => review.Stage, s => review.Stage = s);
        Configure(machine, review, facts);
        return machine;
    }

    /// The triggers this definition has for a stage, whatever the guards say.
    public IReadOnlyList<Trigger> TriggersIn(Stage stage) => _triggers.GetOrAdd(stage, FindTriggers);

    private IReadOnlyList<Trigger> FindTriggers(Stage stage)
    {
        var state = Build(Blank(stage), GuardFacts.None).GetInfo().States.SingleOrDefault(s => (Stage)s.UnderlyingState == stage);
        if (state is null)
        {
            return [];
        }

        return state.FixedTransitions.Select(t => (Trigger)t.Trigger.UnderlyingTrigger)
            .Concat(state.DynamicTransitions.Select(t => (Trigger)t.Trigger.UnderlyingTrigger))
            .Distinct().ToList();
    }

    /// Whether the actor may fire the trigger on this review now, and if not, why.
    public ActionOption Evaluate(Review review, GuardFacts facts, Actor actor, bool canChange, Trigger trigger)
    {
        var label = TriggerNames.Describe(trigger);
        if (!TriggersIn(review.Stage).Contains(trigger))
        {
            return new ActionOption(trigger, label, false,
                [$"\"{label}\" is not possible while the review is at \"{StageNames.Describe(review.Stage)}\"."]);
        }

        var reasons = new List<string>();
        var roles = WhoMayFire(trigger);
        if (!canChange || !roles.Any(actor.Is))
        {
            reasons.Add($"Only a {string.Join(" or ", roles.Select(r => Roles.Describe(r).ToLowerInvariant()))} of the review's lead office can do this.");
        }

        if (!Build(review, facts).CanFire(trigger, out var unmet))
        {
            reasons.AddRange(unmet);
        }

        return new ActionOption(trigger, label, reasons.Count == 0, reasons);
    }

    /// Every action of the review's current stage, available or not, except those offered only when available.
    public IReadOnlyList<ActionOption> Actions(Review review, GuardFacts facts, Actor actor, bool canChange) =>
        TriggersIn(review.Stage).Select(t => Evaluate(review, facts, actor, canChange, t)).Where(o => o.IsAvailable || !OfferedOnlyWhenAvailable(o.Trigger))
            .ToList();

    /// Actions for a kind of case that few reach (a reversed decision): listed only where they can be taken, not on
    /// every other case with the reasons why not.
    protected virtual bool OfferedOnlyWhenAvailable(Trigger trigger) => false;

    /// The definition as a Mermaid state diagram; the current stage, if given, is highlighted. The hold is one note
    /// on "On hold" rather than its edges: an edge in from every open stage and one back to each (the stage held
    /// from) drew twenty lines across the whole diagram.
    public string ToMermaid(Stage? current = null)
    {
        var lines = MermaidGraph.Format(Build(Blank(Stage.NotificationReceived), GuardFacts.None).GetInfo()).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var holdEdges = lines.Select(l => TransitionLine().Match(l)).Where(IsHoldEdge).ToList();
        var reopenEdges = lines.Select(l => TransitionLine().Match(l)).Where(IsReopenEdge).ToList();
        var heldFrom = holdEdges.Where(m => m.Groups["trigger"].Value == nameof(Trigger.PutOnHold))
            .Select(m => Enum.Parse<Stage>(m.Groups["from"].Value)).ToHashSet();
        // Resume's way back depends on the review, so Stateless draws it through a choice pseudo-state.
        var holdTargets = holdEdges.Concat(reopenEdges).Select(m => m.Groups["to"].Value).ToHashSet();

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (IsHoldEdge(TransitionLine().Match(line)) || IsStopEdge(TransitionLine().Match(line)) || IsReopenEdge(TransitionLine().Match(line))
                || ChoiceLine().Match(line) is { Success: true } choice && holdTargets.Contains(choice.Groups["name"].Value))
            {
                continue;
            }

            text.AppendLine(Readable(line));
            if (line.StartsWith("stateDiagram", StringComparison.Ordinal))
            {
                // People read stage names as staff use them, not the code's identifiers.
                foreach (var each in Enum.GetValues<Stage>())
                {
                    text.Append("    state \"").Append(StageNames.Describe(each)).Append("\" as ").Append(each).AppendLine();
                }
            }
        }

        if (heldFrom.Count > 0)
        {
            var from = heldFrom.SetEquals(Enum.GetValues<Stage>().Where(s => s is not Stage.OnHold and not Stage.Closed)) ? "any open stage"
                : string.Join(", ", heldFrom.Select(StageNames.Describe));
            text.Append("    note right of ").Append(Stage.OnHold).AppendLine()
                .Append("        ").Append(TriggerNames.Describe(Trigger.PutOnHold)).Append(" from ").Append(from).AppendLine(".")
                .Append("        ").Append(TriggerNames.Describe(Trigger.Resume)).AppendLine(" returns to the stage it was held from.")
                .AppendLine("    end note");
        }

        if (lines.Any(l => IsStopEdge(TransitionLine().Match(l))))
        {
            // Like the hold, one note rather than an edge from every stage.
            text.Append("    note left of ").Append(Stage.Closed).AppendLine()
                .Append("        ").Append(TriggerNames.Describe(Trigger.StopReview).Replace(": ", " – ", StringComparison.Ordinal)).AppendLine(" from any open stage or a hold.")
                .AppendLine("    end note");
        }

        if (reopenEdges.Count > 0)
        {
            // Its way back depends on the review: a choice pseudo-state with an edge to every open stage otherwise.
            text.Append("    note right of ").Append(Stage.Closed).AppendLine()
                .Append("        ").Append(TriggerNames.Describe(Trigger.ReopenReview)).AppendLine(" returns to the stage it was closed from.")
                .AppendLine("    end note");
        }

        if (current is Stage stage)
        {
            text.AppendLine().AppendLine("classDef current fill:#ffd966,stroke:#7f6000,stroke-width:3px")
                .Append("class ").Append(stage).AppendLine(" current");
        }

        return text.ToString();
    }

    private static bool IsStopEdge(System.Text.RegularExpressions.Match edge) =>
        edge.Success && edge.Groups["trigger"].Value == nameof(Trigger.StopReview);

    private static bool IsReopenEdge(System.Text.RegularExpressions.Match edge) =>
        edge.Success && edge.Groups["trigger"].Value == nameof(Trigger.ReopenReview);

    private static bool IsHoldEdge(System.Text.RegularExpressions.Match edge) =>
        edge.Success && edge.Groups["trigger"].Value is nameof(Trigger.PutOnHold) or nameof(Trigger.Resume);

    /// "A --> B : TriggerName [guard]" becomes "A --> B : the action as the page names it" (guards are shown on the
    /// page). A colon would end Mermaid's label, so "Record decision: criteria met" reads "Record decision – criteria met".
    private static string Readable(string line)
    {
        var match = TransitionLine().Match(line);
        return match.Success && Enum.TryParse<Trigger>(match.Groups["trigger"].Value, out var trigger)
            ? $"{match.Groups["head"].Value} : {TriggerNames.Describe(trigger).Replace(": ", " – ", StringComparison.Ordinal)}"
            : line;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<head>\s*(?<from>\w+) --> (?<to>\w+)) : (?<trigger>\w+)")]
    private static partial System.Text.RegularExpressions.Regex TransitionLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*state (?<name>\w+) <<choice>>")]
    private static partial System.Text.RegularExpressions.Regex ChoiceLine();

    private static Review Blank(Stage stage) => new()
    {
        Reference = string.Empty,
        CaseLabel = string.Empty,
        CaseLabelKey = string.Empty,
        SearchText = string.Empty,
        CreatedByUserId = string.Empty,
        Stage = stage,
    };
}

/// The definitions by (id, version): a case stays on the version it started with, so a v2 can run beside v1.
public sealed class ProcessRegistry
{
    private readonly Dictionary<(string, int), ProcessDefinition> _definitions;

    public ProcessRegistry(IEnumerable<ProcessDefinition> definitions, ProcessDefinition current)
    {
        _definitions = definitions.Append(current).DistinctBy(d => (d.Id, d.Version)).ToDictionary(d => (d.Id, d.Version));
        Current = current;
    }

    /// The definition new cases start on.
    public ProcessDefinition Current { get; }

    public IEnumerable<ProcessDefinition> All => _definitions.Values;

    public ProcessDefinition For(Review review) => Get(review.DefinitionId, review.DefinitionVersion);

    public ProcessDefinition Get(string id, int version) =>
        _definitions.TryGetValue((id, version), out var definition)
            ? definition
            : throw new InvalidOperationException($"Process definition {id} v{version} is not registered, but a case is pinned to it.");
}
