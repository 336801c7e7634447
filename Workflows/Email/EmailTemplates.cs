namespace Workflows.Email;

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody);

public sealed record EmailTemplateText(string Name, string Text, string Html)
{
    /// Its plain-English name and when it is sent (EmailTemplateNames).
    public EmailTemplateNames.Description About => EmailTemplateNames.For(Name);
}

/// Email templates are files administrators can read (Infrastructure/Email/Templates/NAME.txt and NAME.html).
/// Values must never carry real names: case labels and references only (DOMAIN.md, Sensitivity).
public interface IEmailTemplates
{
    RenderedEmail Render(string name, IReadOnlyDictionary<string, string> values);

    IReadOnlyList<EmailTemplateText> All();
}

/// The reasons an email is sent: with an occurrence key, one event for one recipient.
public static class EmailReasons
{
    public const string Invitation = "Invitation";

    /// Before a task or a review clock is due (7 days, 1 working day, on the day): to the person or group doing it.
    public const string Reminder = "Reminder";

    /// 1 working day overdue: the responsible office's managers (an agency's senior manager for its tasks).
    public const string OverdueEscalation = "OverdueEscalation";

    /// 10 working days after the first escalation was sent: the accountable lead of the review's lead CSP.
    public const string SecondEscalation = "SecondEscalation";

    /// One message per manager per working day instead of single escalations (NotificationPreferences.DailyDigest).
    public const string DailyDigest = "DailyDigest";

    public static readonly IReadOnlyList<string> AboutDeadlines = [Reminder, OverdueEscalation, SecondEscalation];
}
