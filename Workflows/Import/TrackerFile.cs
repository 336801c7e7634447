using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using Workflows.Spreadsheets;

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
            table = extension == ".csv" ? ReadCsv(buffer) : Xlsx.Read(buffer);
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

    /// The template as CSV: the headings only, with a byte order mark so that Excel opens it as UTF-8.
    public static byte[] CsvTemplate() =>
        Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.All.Select(Quote)) + "\r\n")).ToArray();

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) ? $"\"{s}\"" : s;

    /// The template as an .xlsx workbook: the headings in row 1 of a sheet "Reviews" (more rows may be written, e.g. by tests).
    public static byte[] XlsxTemplate(IEnumerable<IReadOnlyList<string>>? rows = null) => Xlsx.Write("Reviews", ImportColumns.All, rows ?? []);
}
