using Domain.Calendar;

namespace Domain.Drafts;

/// The rules of a draft's comment window. Deadlines are London dates: comments are accepted until 23:59:59 London time
/// on the deadline (overdue from 00:00 the day after, as every due date in the portal). Calendar days: a bank holiday
/// or weekend does not move a deadline the office chose.
public static class CommentWindow
{
    public const int DefaultDays = 14;

    /// A typing mistake in the year should not open a window for ever.
    public const int LongestDays = 366;

    public static DateOnly DefaultDeadline(DateOnly today, int days = DefaultDays) => today.AddDays(days);

    /// The office gathers the comments and closes the round once the deadline has passed.
    public static DateOnly OfficeTaskDue(DateOnly deadline) => deadline.AddDays(1);

    public static DateTime ClosesAtUtc(DateOnly deadline) => London.OverdueFromUtc(deadline);

    public static Error? CheckDeadline(DateOnly? deadline, DateOnly today)
    {
        if (deadline is not DateOnly due)
        {
            return new Error("Enter the date by which the panel should comment.", "CommentsDue");
        }

        if (due < today)
        {
            return new Error($"The comment deadline cannot be in the past: choose {UkDate.Format(today)} or later.", "CommentsDue");
        }

        return due > today.AddDays(LongestDays)
            ? new Error($"The comment deadline must be within a year: choose a date by {UkDate.Format(today.AddDays(LongestDays))}.", "CommentsDue")
            : null;
    }

    public static bool IsOpen(Draft draft, DateTime nowUtc) => !draft.IsClosed && nowUtc < ClosesAtUtc(draft.CommentsDue);

    /// Null when a comment can be added now; otherwise why not, in words.
    public static Error? CheckCanComment(Draft draft, DateTime nowUtc)
    {
        if (draft.ClosedAtUtc is DateTime closed)
        {
            return new Error($"The comment round for draft {draft.Number} was closed by the review office on {UkDate.Format(London.DateOf(closed))}: "
                + "comments are no longer accepted. Contact the review office if you still need to add something.");
        }

        return nowUtc >= ClosesAtUtc(draft.CommentsDue)
            ? new Error($"The deadline for comments on draft {draft.Number} was 23:59 on {UkDate.Format(draft.CommentsDue)} (UK time): "
                + "comments are no longer accepted. Contact the review office if you still need to add something.")
            : null;
    }

    public static IReadOnlyList<Error> CheckComment(string? text, string? reference)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new Error("Enter your comment.", "Text"));
        }
        else if (text.Trim().Length > DraftComment.TextMaxLength)
        {
            errors.Add(new Error($"The comment must be {DraftComment.TextMaxLength} characters or fewer: split it into two.", "Text"));
        }

        if (reference?.Trim().Length > DraftComment.ReferenceMaxLength)
        {
            errors.Add(new Error($"The section or paragraph must be {DraftComment.ReferenceMaxLength} characters or fewer, e.g. \"3.2\" or \"para 14\".", "Reference"));
        }

        return errors;
    }
}
