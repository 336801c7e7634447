using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflows.Reports;

namespace Portal.Features.Reports;

/// The parts the portal's Word documents are made of (headings, paragraphs, TextTables), written in the order the
/// schema requires so that each document passes the Open XML validator.
public static class WordParts
{
    public static void AppendTable(Body body, TextTable table, string empty, uint usableWidth)
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
        var width = (usableWidth / columns).ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    public static Paragraph Heading(string text, int level) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }),
        new Run(new RunProperties(new Bold(), new FontSize { Val = level == 1 ? "32" : "26" }), new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    public static Paragraph Text(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));
}
