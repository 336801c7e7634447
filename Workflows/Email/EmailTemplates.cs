namespace Workflows.Email;

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody);

public sealed record EmailTemplateText(string Name, string Text, string Html);

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
}
