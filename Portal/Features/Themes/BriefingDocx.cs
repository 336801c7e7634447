using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Domain.Calendar;
using Domain.Themes;
using Portal.Features.Reports;
using Workflows.Themes;

namespace Portal.Features.Themes;

/// A review's briefing for professionals as a Word document: the review named by its case label (and the family's agreed
/// pseudonym), then the summary, themes, recommendations and questions for reflection as the office left them, and where
/// the report is published. Each line of a list is a paragraph of its own, so the office can restyle it. Portrait A4.
public static class BriefingDocx
{
    private const uint PageWidth = 11906U;
    private const int Margin = 1134;

    public static byte[] Build(BriefingView briefing)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(WordParts.Heading($"Learning briefing: {Name(briefing)}", 1));
            body.Append(WordParts.Text($"Domestic abuse related death review {briefing.Reference}. Briefing written on {UkDate.Format(briefing.Written)}."));
            Section(body, "Summary", [briefing.Texts.Summary ?? "No summary written yet."]);
            Section(body, "Themes", List(briefing.Texts.Themes, "No themes listed."));
            Section(body, "Recommendations", List(briefing.Texts.Recommendations, "No recommendations listed."));
            Section(body, "Questions for reflection", List(briefing.Texts.Questions, "No questions listed."));
            Section(body, "Read the report", briefing.PublicationLinks.Count == 0
                ? ["The report has not been published yet."]
                : briefing.PublicationLinks.Select(l => $"{l.Label}: {l.Url}").ToList());
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = 16838U },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 500U, Footer = 500U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static string Name(BriefingView briefing) => briefing.Pseudonym is { } p ? $"{p} ({briefing.CaseLabel})" : briefing.CaseLabel;

    private static List<string> List(string? text, string empty)
    {
        var lines = BriefingRules.SplitLines(text);
        return lines.Count == 0 ? [empty] : lines.Select(l => "\u2022 " + l).ToList();
    }

    private static void Section(Body body, string heading, IReadOnlyList<string> paragraphs)
    {
        body.Append(WordParts.Heading(heading, 2));
        foreach (var paragraph in paragraphs.SelectMany(p => p.Split('\n')))
        {
            body.Append(WordParts.Text(paragraph));
        }
    }
}
