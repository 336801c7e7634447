using Domain.Calendar;

namespace Domain.Authors;

public enum EoiStatus
{
    /// Sent: authors may reply until the closing date.
    Open,

    /// Someone was appointed from it.
    Appointed,

    /// Replaced by a reopened expression of interest, or withdrawn.
    Closed,
}

/// An expression of interest sent to chosen independent authors for one review in the Commissioning stage:
/// a pseudonymised summary (no real names) and a closing date.
public sealed class ExpressionOfInterest
{
    public long Id { get; set; }

    public int ReviewId { get; set; }

    public required string Summary { get; set; }

    /// The last day replies are accepted (Europe/London).
    public DateOnly ClosesOn { get; set; }

    public EoiStatus Status { get; set; }

    public DateTime SentAtUtc { get; set; }

    public required string SentByUserId { get; set; }

    /// The earlier expression of interest this one reopens (after an appointment ended).
    public long? ReopensId { get; set; }

    public List<EoiRecipient> Recipients { get; set; } = [];

    public const int SummaryMaxLength = 4000;

    /// The closing date must be after today (Europe/London), so that authors have at least a day to reply.
    public static Error? CheckClosingDate(DateOnly? closesOn, DateOnly today) => closesOn switch
    {
        null => new Error("Enter the closing date for replies.", nameof(ClosesOn)),
        DateOnly d when d <= today => new Error(
            $"The closing date must be after today: choose {UkDate.Format(today.AddDays(1))} or later.", nameof(ClosesOn)),
        _ => null,
    };

    /// Replies are accepted up to and including the closing date.
    public bool AcceptsRepliesOn(DateOnly today) => Status == EoiStatus.Open && today <= ClosesOn;
}

/// One author an expression of interest was sent to, and their reply.
public sealed class EoiRecipient
{
    public long Id { get; set; }

    public long ExpressionOfInterestId { get; set; }

    public required string UserId { get; set; }

    /// The author's "reply to the expression of interest" task.
    public long? WorkItemId { get; set; }

    /// Null until the author replies.
    public bool? Interested { get; set; }

    public string? Availability { get; set; }

    public long? QuotePence { get; set; }

    public string? Conflicts { get; set; }

    public DateTime? RepliedAtUtc { get; set; }

    public const int TextMaxLength = 1000;
}
