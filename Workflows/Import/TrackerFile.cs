using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflows.Import;

/// The rows of an uploaded tracker: headings (row 1) and the cells of each non-empty row under its template heading.
public sealed record TrackerSheet(IReadOnlyList<string> Headings, IReadOnlyList<TrackerRow> Rows);

/// Reads a tracker spreadsheet (.xlsx, first worksheet) or .csv, and writes the empty template in either format.
public static class TrackerFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 2000;

    public static async Task<(TrackerSheet? Sheet, string? Error)> ReadAsync(Stream content, string fileName, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return (null, "Upload the tracker as an Excel workbook (.xlsx) or a CSV file (.csv), made from the template.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return (null, $"The file is larger than {MaxBytes / 1024 / 1024} MB: a tracker of reviews should be much smaller. Check it is the right file.");
        }

        buffer.Position = 0;
        List<List<string>> table;
        try
        {
            table = extension == ".csv" ? ReadCsv(buffer) : ReadXlsx(buffer);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or CsvFormatException or FileFormatException or InvalidOperationException or FormatException)
        {
            return (null, extension == ".csv"
                ? "The file could not be read as CSV: save the sheet as \"CSV UTF-8 (comma delimited)\" and try again."
                : "The file could not be read as an Excel workbook (.xlsx): open it in Excel, save it as .xlsx and try again.");
        }

        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
        {
            return (null, "The first row must hold the column headings of the template, but it is empty.");
        }

        var headings = table[0].Select(h => h.Trim()).ToList();
        var columns = headings.Select(ImportColumns.Match).ToList();
        var rows = new List<TrackerRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var map = new Dictionary<string, string>();
            for (var c = 0; c < columns.Count && c < cells.Count; c++)
            {
                if (columns[c] is { } column)
                {
                    map[column] = cells[c];
                }
            }

            rows.Add(new TrackerRow(i + 1, map));
        }

        if (rows.Count > MaxRows)
        {
            return (null, $"The file has {rows.Count} rows: import at most {MaxRows} at a time.");
        }

        return (new TrackerSheet(headings, rows), null);
    }

    private static List<List<string>> ReadCsv(Stream stream)
    {
        // Empty lines are kept so that row numbers in the report match the rows a spreadsheet shows.
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false }, leaveOpen: true);
        var table = new List<List<string>>();
        while (csv.Read())
        {
            table.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? string.Empty).ToList());
        }

        return table;
    }

    private static List<List<string>> ReadXlsx(Stream stream)
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

    /// The template as CSV: the headings only, with a byte order mark so that Excel opens it as UTF-8.
    public static byte[] CsvTemplate() =>
        Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.All.Select(Quote)) + "\r\n")).ToArray();

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) ? $"\"{s}\"" : s;

    /// The template as an .xlsx workbook: the headings in row 1 of a sheet "Reviews" (more rows may be written, e.g. by tests).
    public static byte[] XlsxTemplate(IEnumerable<IReadOnlyList<string>>? rows = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var (cells, i) in new[] { ImportColumns.All }.Concat(rows ?? []).Select((r, i) => (r, i)))
            {
                var row = new Row { RowIndex = (uint)(i + 1) };
                foreach (var (text, c) in cells.Select((t, c) => (t, c)))
                {
                    row.Append(new Cell
                    {
                        CellReference = ColumnName(c) + (i + 1).ToString(CultureInfo.InvariantCulture),
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
                    });
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Reviews" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
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
