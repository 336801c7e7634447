using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Domain;
using Workflows.Files;

namespace Workflows.Spreadsheets;

/// Reads the first worksheet of an uploaded .xlsx as text, streaming each part with an XmlReader under the caps of
/// SheetLimits: nothing is sized from what the file declares (a row number, a cell reference, a dimension or a count),
/// so a tiny file cannot ask for gigabytes. Shared strings, inline strings and numbers are read as written; a
/// date-formatted number as dd/MM/yyyy.
public static class XlsxReader
{
    private const string What = "sheet";

    private static readonly string[] RelationshipNamespaces =
        ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"];

    public static Result<IReadOnlyList<SheetRow>> Read(Stream seekable, SheetLimits limits)
    {
        try
        {
            using var zip = SafeZip.Open(seekable, limits.Zip);
            var workbookPath = Target(zip, limits, "_rels/.rels", "", id: null, typeSuffix: "/officeDocument")
                ?? throw new InvalidDataException("No workbook.");
            var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : string.Empty;
            var relsPath = $"{folder}_rels/{workbookPath[folder.Length..]}.rels";
            var sheetId = FirstSheetId(zip, limits, workbookPath) ?? throw new InvalidDataException("No worksheet.");
            var sheetPath = Target(zip, limits, relsPath, folder, sheetId, typeSuffix: null) ?? throw new InvalidDataException("No worksheet part.");
            var sheet = new SheetCollector(limits, What);
            var shared = Target(zip, limits, relsPath, folder, id: null, typeSuffix: "/sharedStrings") is { } sharedPath
                ? SharedStrings(zip, limits, sharedPath, sheet) : [];
            var dates = Target(zip, limits, relsPath, folder, id: null, typeSuffix: "/styles") is { } stylesPath
                ? DateStyles(zip, limits, stylesPath) : [];
            ReadSheet(zip, limits, sheetPath, shared, dates, sheet);
            return Result<IReadOnlyList<SheetRow>>.Ok(sheet.Rows());
        }
        catch (FileRefusedException e)
        {
            return e.Refusal;
        }
        catch (Exception e) when (FileRefused.IsMalformed(e))
        {
            return new FileRefused(FileProblem.Unreadable,
                "The file could not be read as an Excel workbook (.xlsx): open it in Excel, save it as .xlsx and try again.", e.GetType().Name);
        }
    }

    private static XmlReader Open(ZipArchive zip, SheetLimits limits, string path)
    {
        var entry = zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidDataException("A part is missing.");
        return SafeXml.Create(SafeZip.OpenEntry(entry, limits.Zip), limits.Zip.MaxEntryBytes);
    }

    /// The target of a relationship (by id, or the first of a type), as a path inside the package.
    private static string? Target(ZipArchive zip, SheetLimits limits, string relsPath, string folder, string? id, string? typeSuffix)
    {
        if (zip.GetEntry(relsPath) is null && !zip.Entries.Any(e => string.Equals(e.FullName, relsPath, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        using var reader = Open(zip, limits, relsPath);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship"
                && (id is null || reader.GetAttribute("Id") == id)
                && (typeSuffix is null || (reader.GetAttribute("Type") ?? string.Empty).EndsWith(typeSuffix, StringComparison.Ordinal))
                && reader.GetAttribute("TargetMode") is null or "Internal"
                && reader.GetAttribute("Target") is { Length: > 0 } target)
            {
                return target.StartsWith('/') ? target[1..] : folder + target;
            }
        }

        return null;
    }

    private static string? FirstSheetId(ZipArchive zip, SheetLimits limits, string workbookPath)
    {
        using var reader = Open(zip, limits, workbookPath);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
            {
                return RelationshipNamespaces.Select(ns => reader.GetAttribute("id", ns)).FirstOrDefault(v => v is not null);
            }
        }

        return null;
    }

    private static List<string> SharedStrings(ZipArchive zip, SheetLimits limits, string path, SheetCollector sheet)
    {
        var strings = new List<string>();
        using var reader = Open(zip, limits, path);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                if (strings.Count >= limits.MaxSharedStrings)
                {
                    throw new FileRefusedException(new FileRefused(FileProblem.TooManySharedStrings,
                        $"The workbook holds more than {limits.MaxSharedStrings:N0} different texts, far more than a tracker of reviews: check it is the right file."));
                }

                // Phonetic guides (rPh) are not part of the text a person sees.
                var text = SafeXml.ReadText(reader, limits.MaxCellChars, () => limits.CellTooLong("workbook's list of texts", strings.Count + 1),
                    skip: r => r.LocalName == "rPh");
                sheet.CountText(text.Length);
                strings.Add(text);
            }
        }

        return strings;
    }

    /// The cell formats (by style index) that display dates: the built-in date formats and custom ones with d or y.
    private static HashSet<int> DateStyles(ZipArchive zip, SheetLimits limits, string path)
    {
        var customDates = new HashSet<uint>();
        var result = new HashSet<int>();
        var inCellFormats = false;
        var index = 0;
        using var reader = Open(zip, limits, path);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "numFmt" && uint.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var customId)
                && reader.GetAttribute("formatCode") is { } code && code.Any(ch => ch is 'd' or 'D' or 'y' or 'Y') && !code.Contains('#', StringComparison.Ordinal))
            {
                customDates.Add(customId);
            }
            else if (reader.LocalName == "cellXfs")
            {
                inCellFormats = true;
            }
            else if (inCellFormats && reader.LocalName == "xf")
            {
                var id = uint.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var n) ? n : 0;
                if (id is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(id))
                {
                    result.Add(index);
                }

                index++;
            }
        }

        return result;
    }

    private static void ReadSheet(ZipArchive zip, SheetLimits limits, string path, List<string> shared, HashSet<int> dates, SheetCollector sheet)
    {
        using var reader = Open(zip, limits, path);
        var row = 0;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                row = Number(reader.GetAttribute("r"), 1) ?? row + 1;
                column = 0;
            }
            else if (reader.LocalName == "c" && row > 0)
            {
                column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                if (reader.IsEmptyElement)
                {
                    // Formatting only: sheets carry thousands of these, so nothing more is read of them.
                    continue;
                }

                var type = reader.GetAttribute("t");
                var style = Number(reader.GetAttribute("s"), 0);
                var value = CellValue(reader, limits, row, type == "inlineStr");
                sheet.Add(row, column, Text(value, type, style, shared, dates));
            }
        }
    }

    /// The cell's value (its v element, or the text of its inline string), leaving the reader on the cell's end.
    private static string CellValue(XmlReader reader, SheetLimits limits, int row, bool inline)
    {
        var depth = reader.Depth;
        var value = string.Empty;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && (reader.LocalName == "v" || (inline && reader.LocalName == "is")))
            {
                value = SafeXml.ReadText(reader, limits.MaxCellChars, () => limits.CellTooLong(What, row), skip: r => r.LocalName == "rPh");
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                // A formula (f) is not evaluated: its last calculated value (v) is what the person saw.
                reader.Skip();
                continue;
            }

            reader.Read();
        }

        return value;
    }

    private static string Text(string value, string? type, int? style, List<string> shared, HashSet<int> dates)
    {
        if (type == "s")
        {
            return int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : string.Empty;
        }

        // A date cell holds its serial number: show it as a date so the report quotes what the person sees.
        if (type is null or "n" && style is int s && dates.Contains(s)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// A row number (from 1) or style index (from 0); null when absent. Numbers too long to be real are beyond every cap.
    private static int? Number(string? text, int min) => text is null ? null
        : text.Length > 9 ? int.MaxValue
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min ? n
        : throw new InvalidDataException("Not a number.");

    /// The column of a reference such as "AB12" (A = 1), null when absent; more than three letters is beyond every cap.
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }

            if (++letters > 3)
            {
                return int.MaxValue;
            }

            column = (column * 26) + (char.ToUpperInvariant(ch) - 'A' + 1);
        }

        return letters == 0 ? throw new InvalidDataException("Not a cell reference.") : column;
    }
}
