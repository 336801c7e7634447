using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Domain.Calendar;
using Domain.Profiles;
using Portal.Features.Reports;
using Workflows.Profiles;
using Workflows.Reports;

namespace Portal.Features.Profiles;

/// The Home Office's data collection form as a Word document, written from the case profile: the review as the Home
/// Office knows it, then each question of the profile with its answer ("Not recorded" where none is). Portrait A4.
public static class DataCollectionFormDocx
{
    private const uint PageWidth = 11906U;
    private const int Margin = 1134;
    private const uint UsableWidth = PageWidth - (2 * Margin);

    public static byte[] Build(DataCollectionForm form)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(WordParts.Heading($"Data collection form: {form.Reference}", 1));
            body.Append(WordParts.Text($"Written from the review's case profile on {UkDate.Format(form.Written)}. The review is named by its reference and case label only."));
            body.Append(WordParts.Heading("The review", 2));
            WordParts.AppendTable(body, Review(form), string.Empty, UsableWidth);
            body.Append(WordParts.Heading("Case profile", 2));
            WordParts.AppendTable(body, Answers(form.Profile), "No question is asked.", UsableWidth);
            body.Append(WordParts.Text(form.Profile.IsComplete
                ? "Every question is answered."
                : "Not recorded yet: " + string.Join("; ", form.Profile.Missing) + "."));
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = 16838U },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 500U, Footer = 500U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public static TextTable Review(DataCollectionForm form) => new(["Question", "Answer"],
    [
        ["Reference", form.Reference],
        ["Case label", form.CaseLabel],
        ["Community Safety Partnership", form.LeadCsp],
        ["Type of review", form.Type],
        ["Date notified", UkDate.Format(form.DateNotified)],
        ["Month of death", form.MonthOfDeath],
        ["Number of people who died", form.NumberOfDeceased.ToString(System.Globalization.CultureInfo.InvariantCulture)],
    ]);

    public static TextTable Answers(CaseProfileView profile) => new(["Question", "Answer"],
        profile.Answers.Select(a => (IReadOnlyList<string>)[a.Field.Label, Shown(a)]).ToList());

    private static string Shown(ProfileAnswer answer) => answer.Value is null
        ? "Not recorded"
        : answer.Field.Kind == ProfileFieldKind.SeveralChoices ? string.Join(", ", ProfileRules.SplitLines(answer.Value)) : answer.Value;
}
