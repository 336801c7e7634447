using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflows.Spreadsheets;

/// Writes .xlsx with the Open XML SDK: the tracker template and the master action plan's export (uploads are read by XlsxReader).
public static class Xlsx
{
    /// One worksheet: the headings in row 1, then the rows. Every cell is an inline string, so a value such as
    /// "=1+1" is shown as typed, never evaluated as a formula.
    public static byte[] Write(string sheetName, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (cells, i) in new[] { headings }.Concat(rows).Select((r, i) => (r, i)))
            {
                var row = new Row { RowIndex = (uint)(i + 1) };
                foreach (var (text, c) in cells.Select((t, c) => (t, c)))
                {
                    row.Append(new Cell
                    {
                        CellReference = SheetLimits.ColumnName(c + 1) + (i + 1).ToString(CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(text)),
                    });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }
}
