using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflows.Spreadsheets;

/// Reads and writes .xlsx with the Open XML SDK: the import's tracker files and the master action plan's export.
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
                        CellReference = ColumnName(c) + (i + 1).ToString(CultureInfo.InvariantCulture),
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

    /// The cells of the first worksheet as text, row by row (row 1 first; gaps kept as empty rows and cells). Shared
    /// strings, inline strings and numbers are read as written; a date-formatted number as dd/MM/yyyy.
    public static List<List<string>> Read(Stream stream)
    {
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("No workbook.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("No worksheet.");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var dateStyles = DateStyles(workbook);
        var table = new List<List<string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var index = (int)(row.RowIndex?.Value ?? (uint)(table.Count + 1));
            while (table.Count < index)
            {
                table.Add([]);
            }

            var cells = table[index - 1];
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count <= column)
                {
                    cells.Add(string.Empty);
                }

                cells[column] = Text(cell, shared, dateStyles);
            }
        }

        return table;
    }

    private static string Text(Cell cell, List<string> shared, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, out var i) && i < shared.Count ? shared[i] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        // A date cell holds its serial number: show it as a date so the report quotes what the person sees.
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// The cell formats (by style index) that display dates: the built-in date formats and custom ones with d/m/y.
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null)
        {
            return result;
        }

        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is string code
                && code.Any(ch => ch is 'd' or 'D' or 'y' or 'Y') && !code.Contains('#', StringComparison.Ordinal))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter))
        {
            n = (n * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return n - 1;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
