namespace Domain.Accounts;

/// A user's choices about email. Emails a person must receive (invitations, overdue escalations) cannot be turned off;
/// absent row = the defaults below.
public sealed class NotificationPreferences
{
    public required string UserId { get; set; }

    /// Reminders before a work item is due (7 days and 1 working day before, and on the day).
    public bool DueSoonReminders { get; set; } = true;

    /// Managers: one daily message listing overdue and due-soon items instead of single emails.
    public bool DailyDigest { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
