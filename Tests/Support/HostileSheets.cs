using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Workflows.Import;

namespace Portal.Testing;

/// Crafted .xlsx and .csv files that attack a spreadsheet reader (issue 13, finding 4), made in memory. Each is tiny
/// or cheap to make; what it asks the reader to do is not. Used by the Fast tests and the file benchmark.
public static class HostileSheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public const string Headings = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Case label</t></is></c></row>";

    /// Every crafted file by name, for the benchmark and the "each is refused" test.
    public static IReadOnlyList<(string Name, string FileName, Func<byte[]> Make)> All { get; } =
    [
        ("row 50,000,000", "tracker.xlsx", () => HugeRowNumber()),
        ("heading at ZZZZ1", "tracker.xlsx", () => WideColumn()),
        ("column XFD (16,384)", "tracker.xlsx", () => WideColumn("XFD")),
        ("DOCTYPE, entity expansion", "tracker.xlsx", EntityExpansion),
        ("DOCTYPE, external entity", "tracker.xlsx", ExternalEntity),
        ("zip bomb, 40 MB sheet", "tracker.xlsx", ZipBomb),
        ("zip bomb, size understated", "tracker.xlsx", UnderstatedZipBomb),
        ("10,000 zip entries", "tracker.xlsx", () => ManyEntries()),
        ("malformed zip", "tracker.xlsx", MalformedZip),
        ("malformed XML", "tracker.xlsx", MalformedXml),
        ("truncated file", "tracker.xlsx", Truncated),
        ("cell of 1,000,000 characters", "tracker.xlsx", () => LongCell(1_000_000)),
        ("150,000 shared strings", "tracker.xlsx", () => ManySharedStrings(150_000)),
        ("5,000 rows", "tracker.xlsx", () => ManyRows(5_000)),
        ("CSV, 200 columns", "tracker.csv", () => CsvWide(200)),
        ("CSV, field of 4 MB", "tracker.csv", () => CsvLongField(4 * 1024 * 1024)),
        ("CSV, unclosed quote", "tracker.csv", CsvUnclosedQuote),
        ("CSV, 5,000 rows", "tracker.csv", () => CsvManyRows(5_000)),
    ];

    /// Files that cost the most a reader may spend before refusing (read to the end). Slow to make, so for the benchmark only.
    public static IReadOnlyList<(string Name, string FileName, Func<byte[]> Make)> Costly { get; } =
    [
        ("sheet of empty cells at the cap", "tracker.xlsx", () => EmptyCells(TrackerFile.Limits.Zip.MaxEntryBytes)),
    ];

    /// A workbook whose first sheet holds sheetData's rows (or is sheetXml); optionally shared strings, styles and more parts.
    public static byte[] Workbook(string sheetData, string? sharedStrings = null, string? sheetXml = null, string? styles = null,
        IEnumerable<(string Name, byte[] Content)>? more = null)
    {
        var parts = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>")),
            ("_rels/.rels", Utf8(Rels("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"))),
            ("xl/workbook.xml", Utf8($"<workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Reviews\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")),
            ("xl/_rels/workbook.xml.rels", Utf8(Rels("<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings is null ? string.Empty : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + (styles is null ? string.Empty : "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>")))),
            ("xl/worksheets/sheet1.xml", Utf8(sheetXml ?? $"<worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>")),
        };
        if (sharedStrings is not null)
        {
            parts.Add(("xl/sharedStrings.xml", Utf8(sharedStrings)));
        }

        if (styles is not null)
        {
            parts.Add(("xl/styles.xml", Utf8(styles)));
        }

        parts.AddRange(more ?? []);
        return Zip(parts);
    }

    public static byte[] HugeRowNumber(int row = 50_000_000) =>
        Workbook(Headings + $"<row r=\"{row}\"><c r=\"A{row}\" t=\"inlineStr\"><is><t>Case Q 2025</t></is></c></row>");

    public static byte[] WideColumn(string column = "ZZZZ") =>
        Workbook($"<row r=\"1\"><c r=\"{column}1\" t=\"inlineStr\"><is><t>Case label</t></is></c></row>");

    /// The "billion laughs": ten levels of ten references, a gigabyte of text from a few hundred bytes.
    public static byte[] EntityExpansion()
    {
        var entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
        }

        return Workbook(string.Empty, sheetXml: $"<?xml version=\"1.0\"?><!DOCTYPE worksheet [{entities}]><worksheet xmlns=\"{Main}\"><sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l9;</t></is></c></row></sheetData></worksheet>");
    }

    /// An external entity in the shared strings (it would read a file of the server).
    public static byte[] ExternalEntity() => Workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        sharedStrings: $"<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><sst xmlns=\"{Main}\"><si><t>&x;</t></si></sst>");

    private static readonly Lazy<byte[]> Bomb = new(() =>
        Workbook(string.Empty, sheetXml: $"<worksheet xmlns=\"{Main}\"><sheetData>{Headings}{new string(' ', 40 * 1024 * 1024)}</sheetData></worksheet>"));

    /// A sheet padded with 40 MB of spaces: about 40 KB packed (made once: packing it takes a moment).
    public static byte[] ZipBomb() => Bomb.Value;

    /// The same bomb with its declared size patched down to one kilobyte, as if the sheet were small.
    public static byte[] UnderstatedZipBomb() => DeclareSize(ZipBomb(), "xl/worksheets/sheet1.xml", 1024);

    public static byte[] ManyEntries(int count = 10_000) =>
        Workbook(Headings, more: Enumerable.Range(0, count).Select(i => ($"xl/media/pad{i}.bin", new byte[] { 1 })));

    public static byte[] MalformedZip()
    {
        var bytes = Workbook(Headings);
        // Scramble the central directory: the zip's table of contents points at nothing sensible.
        var random = new Random(13);
        for (var i = bytes.Length - 200; i < bytes.Length - 22; i++)
        {
            bytes[i] = (byte)random.Next(256);
        }

        return bytes;
    }

    public static byte[] MalformedXml() => Workbook(string.Empty, sheetXml: $"<worksheet xmlns=\"{Main}\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</c></row>");

    public static byte[] Truncated()
    {
        var bytes = Workbook(Headings + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Case Q 2025</t></is></c></row>");
        return bytes[..(bytes.Length / 2)];
    }

    public static byte[] LongCell(int chars) =>
        Workbook(Headings + $"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{RandomLetters(chars)}</t></is></c></row>");

    public static byte[] ManySharedStrings(int count) => Workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        sharedStrings: $"<sst xmlns=\"{Main}\">" + string.Concat(Enumerable.Range(0, count).Select(i => $"<si><t>{i}</t></si>")) + "</sst>");

    public static byte[] ManyRows(int rows) => Workbook(Headings + string.Concat(Enumerable.Range(2, rows)
        .Select(r => $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>Case {r}</t></is></c></row>")));

    /// Formatted empty cells (each passed over) filling the sheet up to a size, then one value below row 10,000.
    public static byte[] EmptyCells(long bytes)
    {
        var rows = new StringBuilder(Headings);
        var r = 2;
        for (; rows.Length < bytes - 1000; r++)
        {
            rows.Append($"<row r=\"{r}\">");
            for (var c = 1; c <= 26; c++)
            {
                rows.Append($"<c r=\"{(char)('A' + c - 1)}{r}\" s=\"1\"/>");
            }

            rows.Append("</row>");
        }

        rows.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>");
        return Workbook(string.Empty, sheetXml: $"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>");
    }

    public static byte[] CsvWide(int columns) => Utf8(string.Join(",", Enumerable.Range(1, columns).Select(c => $"Column {c}")) + "\r\n");

    public static byte[] CsvLongField(int chars) => Utf8("Case label\r\n\"" + RandomLetters(chars) + "\"\r\n");

    /// A quote opened on the second row and never closed: the rest of the file would be one field.
    public static byte[] CsvUnclosedQuote() => Utf8("Case label\r\n\"" + string.Concat(Enumerable.Repeat("Case Q 2025,\r\n", 300_000)));

    public static byte[] CsvManyRows(int rows) => Utf8("Case label\r\n" + string.Concat(Enumerable.Range(2, rows).Select(r => $"Case {r}\r\n")));

    /// Patches an entry's uncompressed size in both its local header and the central directory.
    public static byte[] DeclareSize(byte[] zip, string entryName, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        while (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) == 0x02014b50)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 28));
            int extra = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 30));
            int comment = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 32));
            if (Encoding.UTF8.GetString(bytes, offset + 46, nameLength) == entryName)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 24), size);
                var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 42));
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), size);
            }

            offset += 46 + nameLength + extra + comment;
        }

        return bytes;
    }

    /// A zip of these entries, packed (storeFirst: the first stored unpacked, as an OpenDocument mimetype is).
    public static byte[] Zip(IEnumerable<(string Name, byte[] Content)> entries, bool storeFirst = false)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var first = true;
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, first && storeFirst ? CompressionLevel.NoCompression : CompressionLevel.SmallestSize).Open();
                stream.Write(content);
                first = false;
            }
        }

        return memory.ToArray();
    }

    private static string Rels(string relationships) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationships}</Relationships>";

    private static string RandomLetters(int count)
    {
        var random = new Random(count);
        return string.Create(count, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('a' + r.Next(26));
            }
        });
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
