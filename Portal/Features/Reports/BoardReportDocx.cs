using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflows.Reports;

namespace Portal.Features.Reports;

/// The board report as a Word document for board papers: a heading, the in-progress table, the involvement list, the
/// timeliness table and the summary figures. Cells hold the same texts as the page (BoardReportText); a cell's cases are one paragraph each.
public static class BoardReportDocx
{
    // Twentieths of a point: landscape A4 and its margins.
    private const uint PageWidth = 16838U;
    private const int Margin = 1000;
    private const uint UsableWidth = PageWidth - (2 * Margin);

    public static byte[] Build(BoardReport report, ActivityOverview? overview = null, Workflows.Budget.BudgetView? budget = null,
        BoardActions? actions = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(WordParts.Heading(report.Title, 1));
            body.Append(WordParts.Text("Case labels and references only. Days are calendar days; time on hold is shown separately and added to each target. A step passed without its date recorded says \"Not recorded\"."));
            body.Append(WordParts.Heading("Reviews in progress", 2));
            WordParts.AppendTable(body, BoardReportText.InProgress(report), "No review is in progress.", UsableWidth);
            body.Append(WordParts.Heading("Involvement in other areas' reviews", 2));
            WordParts.AppendTable(body, BoardReportText.Involvement(report), "No other area's review involves this area.", UsableWidth);
            body.Append(WordParts.Heading("Timeliness against the statutory targets", 2));
            WordParts.AppendTable(body, BoardReportText.Timeliness(report), "No review to measure.", UsableWidth);
            body.Append(WordParts.Heading("Summary since 13 April 2011", 2));
            WordParts.AppendTable(body, BoardReportText.SummaryCounts(report), string.Empty, UsableWidth);
            body.Append(WordParts.Text(BoardReportText.SummaryCountsHelp));
            body.Append(WordParts.Heading("Timeliness by financial year", 2));
            WordParts.AppendTable(body, BoardReportText.SummaryYears(report), string.Empty, UsableWidth);
            body.Append(WordParts.Text(BoardReportText.SummaryYearsHelp));
            body.Append(WordParts.Heading("Not recorded, by financial year", 2));
            WordParts.AppendTable(body, BoardReportText.SummaryNotRecorded(report), BoardReportText.SummaryNotRecordedEmpty, UsableWidth);
            body.Append(WordParts.Text(BoardReportText.SummaryNotRecordedHelp));
            if (overview is not null)
            {
                ActivityOverviewDocx.Append(body, overview, UsableWidth);
            }

            BudgetStatementDocx.Append(body, budget, UsableWidth);

            if (actions is not null)
            {
                BoardActionsDocx.Append(body, actions, UsableWidth);
            }

            // Landscape A4: seven stage columns need the width.
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 500U, Footer = 500U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// The cells of the document's tables as text (a cell's paragraphs joined by new lines): what tests compare.
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> ReadTables(Stream docx)
    {
        using var doc = WordprocessingDocument.Open(docx, false);
        return doc.MainDocumentPart!.Document!.Body!.Elements<Table>()
            .Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Elements<TableRow>()
                .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>()
                    .Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToList())
                .ToList())
            .ToList();
    }
}
