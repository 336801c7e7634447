using System.Net;
using System.Text.RegularExpressions;
using Workflows.Email;

namespace Infrastructure.Email;

/// Templates as files beside the build output: NAME.txt (first line "Subject: ...", a blank line, then the plain-text
/// body) and NAME.html (the HTML body). {{Name}} is replaced by a value; in the HTML version the value is encoded.
internal sealed partial class FileEmailTemplates(string folder) : IEmailTemplates
{
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Email", "Templates");

    public RenderedEmail Render(string name, IReadOnlyDictionary<string, string> values)
    {
        var template = Read(name);
        var text = Fill(template.Text, values, encode: false);
        var (subject, body) = SplitSubject(text, name);
        return new RenderedEmail(subject, body, Fill(template.Html, values, encode: true));
    }

    public IReadOnlyList<EmailTemplateText> All() =>
        Directory.EnumerateFiles(folder, "*.txt").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).Select(Read).ToList();

    private EmailTemplateText Read(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"Not a template name: {name}", nameof(name));
        }

        return new EmailTemplateText(name, File.ReadAllText(Path.Combine(folder, name + ".txt")), File.ReadAllText(Path.Combine(folder, name + ".html")));
    }

    /// A placeholder without a value is a bug (a missing value would go out as "{{Link}}"), so it throws.
    private static string Fill(string template, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? encode ? WebUtility.HtmlEncode(value) : value
            : throw new InvalidOperationException($"The email template needs a value for {{{{{m.Groups[1].Value}}}}}."));

    private static (string Subject, string Body) SplitSubject(string text, string name)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', 2);
        if (!lines[0].StartsWith("Subject:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The template {name}.txt must start with a line \"Subject: ...\".");
        }

        return (lines[0]["Subject:".Length..].Trim(), lines.Length > 1 ? lines[1].TrimStart('\n') : string.Empty);
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*$")]
    private static partial Regex NamePattern();
}
