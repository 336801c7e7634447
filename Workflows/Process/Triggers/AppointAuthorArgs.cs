using Domain;
using Domain.Workflow;
using Workflows.Data;

namespace Workflows.Process;

/// "Is this an active independent chair/author account?": who may be appointed. Answered by the Authors feature.
public interface IChairAuthorAccounts
{
    Task<bool> IsActiveAsync(IReviewDb db, string userId, CancellationToken ct);
}

/// An independent chair and author are appointed with their agreed fees (Date: the day of the appointment): one
/// person for both, or two. An import may record an appointment made before the portal, without an account.
public sealed record AppointAuthorArgs : TriggerArgs
{
    public override Trigger Trigger => Trigger.AppointAuthor;

    /// The independent chair/author's user id (the chair only, when SecondAuthorUserId is given).
    public string? AuthorUserId { get; init; }

    /// The agreed fee of AuthorUserId in pence (required).
    public long? FeePence { get; init; }

    /// When chair and author are two people, the author's user id (AuthorUserId is then the chair).
    public string? SecondAuthorUserId { get; init; }

    /// The agreed fee of SecondAuthorUserId in pence (required with it).
    public long? SecondFeePence { get; init; }

    /// The expression of interest the appointment comes from, if any.
    public long? ExpressionOfInterestId { get; init; }

    public bool HasSecondAuthor => !string.IsNullOrWhiteSpace(SecondAuthorUserId);

    protected override void Check(TriggerCheck check, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(AuthorUserId) && !check.Imported)
        {
            add(nameof(AuthorUserId), HasSecondAuthor ? "Choose the chair to appoint." : "Choose the chair/author to appoint.");
        }

        if (!IsFee(FeePence))
        {
            add(nameof(FeePence), "Enter the agreed fee in pounds, for example £12,500.");
        }

        if (HasSecondAuthor && SecondAuthorUserId == AuthorUserId)
        {
            add(nameof(SecondAuthorUserId), "The chair and the author are the same person: appoint them once, as chair and author.");
        }

        if (HasSecondAuthor && !IsFee(SecondFeePence))
        {
            add(nameof(SecondFeePence), "Enter the author's agreed fee in pounds, for example £12,500.");
        }
    }

    public override async Task<IReadOnlyList<Error>> ValidateDataAsync(TriggerCheck check, TriggerData data, CancellationToken ct)
    {
        var errors = new List<Error>();
        foreach (var (userId, field) in new[] { (AuthorUserId, nameof(AuthorUserId)), (SecondAuthorUserId, nameof(SecondAuthorUserId)) })
        {
            if (!string.IsNullOrWhiteSpace(userId) && !await data.ChairAuthors.IsActiveAsync(data.Db, userId, ct))
            {
                errors.Add(new Error("Choose an active independent chair/author account.", field));
            }
        }

        return errors;
    }

    private static bool IsFee(long? pence) => pence is long fee && Money.IsAmount(fee);
}
