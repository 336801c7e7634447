using System.Globalization;
using System.Text;
using Domain;
using Workflows.Files;
using Workflows.Spreadsheets;

namespace Workflows.Import;

/// The rows of an uploaded tracker: headings (row 1) and the cells of each non-empty row under its template heading.
public sealed record TrackerSheet(IReadOnlyList<string> Headings, IReadOnlyList<TrackerRow> Rows);

/// Reads a tracker spreadsheet (.xlsx, first worksheet) or .csv, and writes the empty template in either format.
public static class TrackerFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 2000;

    /// The caps of a tracker (docs/SECURITY.md): far above any real tracker, and small enough that a hostile file costs
    /// well under a second and 50 MB (docs/BENCHMARKS.md).
    public static readonly SheetLimits Limits = new(
        MaxRowNumber: 10_000,
        MaxRows: MaxRows + 1,
        MaxColumns: 100,
        MaxCellChars: 32_767,
        MaxTotalChars: 8_000_000,
        MaxSharedStrings: 100_000,
        new ZipLimits("an Excel workbook (.xlsx)", MaxEntries: 500, MaxEntryBytes: 16 * 1024 * 1024, MaxTotalBytes: 64 * 1024 * 1024, MaxRatio: 200));

    public static async Task<Result<TrackerSheet>> ReadAsync(Stream content, string fileName, CancellationToken ct)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            return new FileRefused(FileProblem.NotADocument, "Upload the tracker as an Excel workbook (.xlsx) or a CSV file (.csv), made from the template.");
        }

        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes)
        {
            return new FileRefused(FileProblem.TooLarge, $"The file is larger than {MaxBytes / 1024 / 1024} MB: a tracker of reviews should be much smaller. Check it is the right file.");
        }

        buffer.Position = 0;
        Result<IReadOnlyList<SheetRow>> read;
        try
        {
            read = extension == ".csv" ? CsvSheet.Read(buffer, Limits) : XlsxReader.Read(buffer, Limits);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault of the reader, not of the file: the person still gets an answer, and the log says where (never the file's contents).
            return new FileRefused(FileProblem.ReaderFault,
                "The file could not be read, and the portal has logged why. Save it again as .xlsx or .csv and try again; if that fails too, tell your administrator.",
                $"{e.GetType().Name} at {e.TargetSite?.DeclaringType?.Name}.{e.TargetSite?.Name}");
        }

        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var table = read.Value;
        if (table.Count == 0 || table[0].Number != 1)
        {
            return new FileRefused(FileProblem.NotADocument, "The first row must hold the column headings of the template, but it is empty.");
        }

        var headings = table[0].Cells.Select(h => h.Trim()).ToList();
        var columns = headings.Select(ImportColumns.Match).ToList();
        var rows = new List<TrackerRow>();
        foreach (var row in table.Skip(1))
        {
            var map = new Dictionary<string, string>();
            for (var c = 0; c < columns.Count && c < row.Cells.Count; c++)
            {
                if (columns[c] is { } column)
                {
                    map[column] = row.Cells[c];
                }
            }

            rows.Add(new TrackerRow(row.Number, map));
        }

        return new TrackerSheet(headings, rows);
    }

    /// The template as CSV: the headings only, with a byte order mark so that Excel opens it as UTF-8.
    public static byte[] CsvTemplate() =>
        Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", ImportColumns.All.Select(Quote)) + "\r\n")).ToArray();

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) ? $"\"{s}\"" : s;

    /// The template as an .xlsx workbook: the headings in row 1 of a sheet "Reviews" (more rows may be written, e.g. by tests).
    public static byte[] XlsxTemplate(IEnumerable<IReadOnlyList<string>>? rows = null) => Xlsx.Write("Reviews", ImportColumns.All, rows ?? []);
}
