using System.Net;
using System.Text.Json;
using Domain.Email;
using Workflows.Data;

namespace Workflows.Email;

/// The secret values of an outbox message (OutgoingEmail.Secrets): kept out of the stored bodies, which hold their
/// placeholders, and kept protected at rest (AtRest.OutboxSecrets) until the message is sent, when they are blanked.
/// A sent message's row therefore holds no usable link; the message itself went to its recipient.
public sealed class OutboxSecrets(AtRest atRest)
{
    public static string Placeholder(string name) => "{{" + name + "}}";

    /// The template's values with each secret standing in for itself, so that rendering leaves its placeholder.
    public static IReadOnlyDictionary<string, string> WithPlaceholders(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, string>? secrets)
    {
        if (secrets is not { Count: > 0 })
        {
            return values;
        }

        var all = new Dictionary<string, string>(values);
        foreach (var name in secrets.Keys)
        {
            all.Add(name, Placeholder(name));
        }

        return all;
    }

    public string? Protect(IReadOnlyDictionary<string, string>? secrets) =>
        secrets is { Count: > 0 } ? atRest.Protect(AtRest.OutboxSecrets, JsonSerializer.Serialize(secrets)) : null;

    /// The message as it is sent: its bodies with the secrets filled in (encoded in the HTML body, as the templates
    /// encode every value). The row in the database is not changed.
    public OutboxMessage Fill(OutboxMessage message)
    {
        if (atRest.Unprotect(AtRest.OutboxSecrets, message.ProtectedValues) is not { } json)
        {
            return message;
        }

        var secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        var (text, html) = (message.TextBody, message.HtmlBody);
        foreach (var (name, value) in secrets)
        {
            text = text.Replace(Placeholder(name), value, StringComparison.Ordinal);
            html = html.Replace(Placeholder(name), WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        message.TextBody = text;
        message.HtmlBody = html;
        return message;
    }
}
