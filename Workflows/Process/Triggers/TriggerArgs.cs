using System.Collections.Frozen;
using Domain;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Data;

namespace Workflows.Process;

/// What argument rules may read: the review as it stands, today (London), whether the step is replayed from an
/// office's tracker (the import), where some things the portal asks for were never recorded, and the review's latest
/// step, before which a new one cannot be dated.
public sealed record TriggerCheck(Review Review, DateOnly Today, bool Imported = false, PreviousStep? Previous = null);

/// What argument rules that read a feature's data may ask: the command's context and the features' answers.
public sealed record TriggerData(IReviewDb Db, IChairAuthorAccounts ChairAuthors);

/// What the form for a trigger sends with it. Each trigger has a type of its own (Triggers/*Args.cs) that says which
/// trigger it fires, holds the fields that trigger needs and checks them; the fields every step has are here.
public abstract record TriggerArgs
{
    private static readonly FrozenDictionary<Trigger, TriggerArgs> Empty = typeof(TriggerArgs).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(TriggerArgs)) && !t.IsAbstract)
        .Select(t => (TriggerArgs)Activator.CreateInstance(t)!)
        .ToFrozenDictionary(a => a.Trigger);

    /// The trigger these arguments fire.
    public abstract Trigger Trigger { get; }

    /// The London date it happened (presented, decided, put on hold, resumed, appointed, signed off, submitted...);
    /// today when not given. Not in the future, not before the notification, not before the review's previous step.
    public DateOnly? Date { get; init; }

    /// The reason, rationale or comment, kept in the journal; some triggers require it (CommentNeeded).
    public string? Comment { get; init; }

    /// The review's Version as the page showed it: if the review changed since, the command returns Conflict.
    public int? ExpectedVersion { get; init; }

    /// The arguments of a trigger with nothing filled in, to fill with `with { ... }` (a generic form, an import).
    public static TriggerArgs For(Trigger trigger) =>
        Empty.TryGetValue(trigger, out var args) ? args : throw new InvalidOperationException($"{trigger} has no arguments type.");

    /// The rules on the fields, each error naming its field: the date, the comment, then the trigger's own.
    public IReadOnlyList<Error> Validate(TriggerCheck check)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(new Error(message, field));

        if (Date is DateOnly date && (OrderProblem(check, date) ?? DateProblem(check.Review, date)) is { } problem)
        {
            Add(nameof(Date), problem);
        }

        if (Comment?.Length > JournalEntry.CommentMaxLength)
        {
            Add(nameof(Comment), $"The comment must be {JournalEntry.CommentMaxLength} characters or fewer.");
        }

        if (CommentNeeded is { } needed && string.IsNullOrWhiteSpace(Comment))
        {
            Add(nameof(Comment), needed);
        }

        Check(check, Add);
        return errors;
    }

    /// The rules every step's date keeps: not in the future, not before the notification, not before the review's
    /// previous step (check.Previous). A correction of a step's date (WorkflowEngine.CorrectDateAsync) keeps them too.
    public static string? OrderProblem(TriggerCheck check, DateOnly date) =>
        date > check.Today ? "The date cannot be in the future."
        : date < check.Review.DateNotified ? "The date cannot be before the death was notified: check it."
        : check.Previous is { } previous && date < previous.On ? $"The date cannot be before the step before it ({previous.Describe()}): check it."
        : null;

    /// Rules that read a feature's data (after Validate passed): e.g. that the people appointed have active accounts.
    public virtual Task<IReadOnlyList<Error>> ValidateDataAsync(TriggerCheck check, TriggerData data, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Error>>([]);

    /// What to ask for when the trigger needs a comment and none was given; null when the comment is optional.
    protected virtual string? CommentNeeded => null;

    /// A rule on the date beyond "not in the future, not before the notification" (e.g. a decision not before the
    /// case was presented).
    protected virtual string? DateProblem(Review review, DateOnly date) => null;

    /// The trigger's own fields: add(field, message) for each problem.
    protected virtual void Check(TriggerCheck check, Action<string, string> add)
    {
    }
}
