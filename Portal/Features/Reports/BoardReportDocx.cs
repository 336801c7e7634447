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

    public static byte[] Build(BoardReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Heading(report.Title, 1));
            body.Append(Text("Case labels and references only. Days are calendar days; time on hold is shown separately and added to each target. A step passed without its date recorded says \"Not recorded\"."));
            body.Append(Heading("Reviews in progress", 2));
            AppendTable(body, BoardReportText.InProgress(report), "No review is in progress.");
            body.Append(Heading("Involvement in other areas' reviews", 2));
            AppendTable(body, BoardReportText.Involvement(report), "No other area's review involves this area.");
            body.Append(Heading("Timeliness against the statutory targets", 2));
            AppendTable(body, BoardReportText.Timeliness(report), "No review to measure.");
            body.Append(Heading("Summary since 13 April 2011", 2));
            AppendTable(body, BoardReportText.SummaryCounts(report), string.Empty);
            body.Append(Text(BoardReportText.SummaryCountsHelp));
            body.Append(Heading("Timeliness by financial year", 2));
            AppendTable(body, BoardReportText.SummaryYears(report), string.Empty);
            body.Append(Text(BoardReportText.SummaryYearsHelp));
            body.Append(Heading("Not recorded, by financial year", 2));
            AppendTable(body, BoardReportText.SummaryNotRecorded(report), BoardReportText.SummaryNotRecordedEmpty);
            body.Append(Text(BoardReportText.SummaryNotRecordedHelp));
            // Landscape A4: seven stage columns need the width.
            body.Append(new SectionProperties(
                new PageSize { Width = PageWidth, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 500U, Footer = 500U, Gutter = 0U }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendTable(Body body, TextTable table, string empty)
    {
        if (table.Rows.Count == 0)
        {
            body.Append(Text(empty));
            return;
        }

        // Children in the order the schema requires (width before borders; top, left, bottom, right, inside).
        var t = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The grid is required by the format (readers refuse a table without one): equal columns across the page.
        var columns = table.Header.Count;
        var width = ((PageWidth - (2 * Margin)) / columns).ToString(System.Globalization.CultureInfo.InvariantCulture);
        t.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width })));
        t.Append(Row(table.Header, header: true));
        foreach (var row in table.Rows)
        {
            t.Append(Row(row, header: false));
        }

        if (table.Footer is { } footer)
        {
            t.Append(Row(footer, header: false));
        }

        body.Append(t);
        body.Append(new Paragraph());
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            // Repeats on each page, and tells screen readers these are headers.
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var tc = new TableCell();
            foreach (var line in cell.Split('\n'))
            {
                var run = new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(line) { Space = SpaceProcessingModeValues.Preserve });
                if (header)
                {
                    run.PrependChild(new RunProperties(new Bold()));
                }

                tc.Append(new Paragraph(run));
            }

            row.Append(tc);
        }

        return row;
    }

    private static Paragraph Heading(string text, int level) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = level == 1 ? "32" : "26" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static Paragraph Text(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

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
