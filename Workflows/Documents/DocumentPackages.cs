using System.IO.Compression;
using System.Xml;
using Domain;
using Workflows.Files;

namespace Workflows.Documents;

/// Checks that a zip is a real Word (.docx) or OpenDocument text (.odt) package, by its parts rather than its names,
/// and that it fetches nothing from outside itself when opened.
/// - .docx: [Content_Types].xml parses; the package's root relationship names a main part that exists and whose
///   declared content type is a Word document's (a macro-enabled one, .docm, is refused);
/// - .odt: the mimetype entry says OpenDocument text; META-INF/manifest.xml parses, declares the package ("/") as
///   OpenDocument text and lists content.xml, which exists;
/// - every relationship with TargetMode="External" is refused (attached templates, linked pictures, frames, OLE links,
///   sub-documents) except hyperlinks, which nothing follows until a person clicks them, to http, https or mailto: a
///   file: or \\server hyperlink is refused too, since following it hands the reader's network sign-in to that server;
///   Word fields that fetch on update (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE, DDEAUTO, IMPORT) are refused;
/// - in an .odt, links in content.xml and styles.xml follow the same rule: hyperlinks (text:a, draw:a) to http, https,
///   mailto or a place in the document; every other link (a linked picture, a section from another file) must stay
///   inside the package; DDE connections are refused.
internal static class DocumentPackages
{
    public static readonly ZipLimits Limits = new("a Word (.docx) or OpenDocument text (.odt) document",
        MaxEntries: 2_000, MaxEntryBytes: 64 * 1024 * 1024, MaxTotalBytes: 256 * 1024 * 1024, MaxRatio: 200);

    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string WordMacroMain = "application/vnd.ms-word.document.macroEnabled.main+xml";
    private const string ManifestNamespace = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    private const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    private const int MaxContentTypes = 10_000;
    private const int MaxFieldChars = 32_767;

    private static readonly HashSet<string> FetchingFields = new(StringComparer.OrdinalIgnoreCase)
        { "INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT" };

    /// The package's type, a refusal, or null when it is neither kind of package (the caller says what is accepted).
    public static Result<DocumentFileType>? Recognise(Stream seekable)
    {
        using var zip = SafeZip.Open(seekable, Limits);
        if (Entry(zip, "mimetype") is { } mimetype)
        {
            return ReadSmall(mimetype).Trim() == DocumentFiles.Odt.ContentType ? CheckOdt(zip) : (Result<DocumentFileType>?)null;
        }

        return Entry(zip, "[Content_Types].xml") is null ? null : (Result<DocumentFileType>?)CheckDocx(zip);
    }

    private static Result<DocumentFileType> CheckDocx(ZipArchive zip)
    {
        var (defaults, overrides) = ContentTypes(zip);
        var main = RelationshipsOf(zip, "_rels/.rels", "/").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && !r.External);
        if (main is null)
        {
            return NotDocx("it does not say which part is the document");
        }

        if (Entry(zip, main.Target) is null)
        {
            return NotDocx("the document part it names is missing");
        }

        var type = overrides.TryGetValue("/" + main.Target, out var t) ? t
            : defaults.TryGetValue(Path.GetExtension(main.Target).TrimStart('.'), out var d) ? d : null;
        if (type == WordMacroMain)
        {
            return new FileRefused(FileProblem.NotADocument,
                "This is a Word document with macros (.docm). Save it as a Word document (.docx), which holds no macros, and try again.");
        }

        if (type != WordMain)
        {
            return NotDocx("its main part is not a Word document");
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            foreach (var relationship in RelationshipsOf(zip, entry.FullName, SourceFolder(entry.FullName)).Where(r => r.External))
            {
                CheckExternal(relationship.Type.EndsWith("/hyperlink", StringComparison.Ordinal), relationship.Target);
            }
        }

        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("word/", StringComparison.OrdinalIgnoreCase)
            && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            CheckFields(entry);
        }

        return DocumentFiles.Docx;
    }

    private static Result<DocumentFileType> CheckOdt(ZipArchive zip)
    {
        if (Entry(zip, "META-INF/manifest.xml") is not { } manifest)
        {
            return NotOdt("it has no manifest (META-INF/manifest.xml)");
        }

        string? rootType = null;
        var listsContent = false;
        using (var reader = Open(manifest))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "file-entry")
                {
                    var path = reader.GetAttribute("full-path", ManifestNamespace);
                    rootType = path == "/" ? reader.GetAttribute("media-type", ManifestNamespace) : rootType;
                    listsContent |= path == "content.xml";
                }
            }
        }

        if (rootType != DocumentFiles.Odt.ContentType)
        {
            return NotOdt("its manifest does not declare it as OpenDocument text");
        }

        if (!listsContent || Entry(zip, "content.xml") is null)
        {
            return NotOdt("its content (content.xml) is missing");
        }

        foreach (var name in new[] { "content.xml", "styles.xml" })
        {
            if (Entry(zip, name) is { } part)
            {
                CheckOdfLinks(part);
            }
        }

        return DocumentFiles.Odt;
    }

    private sealed record Relationship(string Type, string Target, bool External);

    /// The relationships of a .rels part; internal targets resolved to entry names (no leading slash).
    private static List<Relationship> RelationshipsOf(ZipArchive zip, string relsPath, string sourceFolder)
    {
        var result = new List<Relationship>();
        if (Entry(zip, relsPath) is not { } entry)
        {
            return result;
        }

        using var reader = Open(entry);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                var external = string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                var target = reader.GetAttribute("Target") ?? string.Empty;
                result.Add(new Relationship(reader.GetAttribute("Type") ?? string.Empty, external ? target : Resolve(sourceFolder, target), external));
                if (result.Count > MaxContentTypes)
                {
                    throw Unusual();
                }
            }
        }

        return result;
    }

    /// "word/_rels/document.xml.rels" describes "word/document.xml", whose targets are relative to "word/".
    private static string SourceFolder(string relsPath)
    {
        var folder = relsPath.Contains('/', StringComparison.Ordinal) ? relsPath[..(relsPath.LastIndexOf('/') + 1)] : string.Empty;
        return "/" + (folder.EndsWith("_rels/", StringComparison.Ordinal) ? folder[..^"_rels/".Length] : folder);
    }

    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in ((target.StartsWith('/') ? target : folder + target).Split('/')))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    private static (Dictionary<string, string> Defaults, Dictionary<string, string> Overrides) ContentTypes(ZipArchive zip)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var reader = Open(Entry(zip, "[Content_Types].xml")!);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (defaults.Count + overrides.Count > MaxContentTypes)
            {
                throw Unusual();
            }

            if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension && reader.GetAttribute("ContentType") is { } type)
            {
                defaults[extension] = type;
            }
            else if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part && reader.GetAttribute("ContentType") is { } partType)
            {
                overrides[part] = partType;
            }
        }

        return (defaults, overrides);
    }

    /// Word fields whose instruction (instrText runs between a field's begin and separate, or fldSimple's w:instr) fetches.
    private static void CheckFields(ZipArchiveEntry part)
    {
        using var reader = Open(part);
        var instruction = string.Empty;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "instrText":
                    instruction += SafeXml.ReadText(reader, MaxFieldChars, Unusual);
                    if (instruction.Length > MaxFieldChars)
                    {
                        throw Unusual();
                    }

                    break;
                case "fldChar":
                    CheckField(instruction);
                    instruction = string.Empty;
                    break;
                case "fldSimple":
                    CheckField(reader.GetAttribute("instr", reader.NamespaceURI) ?? string.Empty);
                    break;
            }
        }

        CheckField(instruction);
    }

    private static void CheckField(string instruction)
    {
        var name = instruction.TrimStart().Split([' ', '\t', '\\', '"'], 2)[0];
        if (FetchingFields.Contains(name))
        {
            throw Fetches();
        }
    }

    private static void CheckOdfLinks(ZipArchiveEntry part)
    {
        using var reader = Open(part);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName.StartsWith("dde-", StringComparison.Ordinal))
            {
                throw Fetches();
            }

            if (reader.GetAttribute("href", XlinkNamespace) is not { } target)
            {
                continue;
            }

            if (reader.LocalName == "a")
            {
                CheckExternal(hyperlink: true, target);
            }
            else if (target.Contains(':', StringComparison.Ordinal) || target.StartsWith('/') || target.StartsWith('\\')
                || target.Split('/').Contains(".."))
            {
                throw Fetches();
            }
        }
    }

    /// An external target: only a hyperlink to the web, an email address or a place in the document passes.
    private static void CheckExternal(bool hyperlink, string target)
    {
        if (!hyperlink)
        {
            throw Fetches();
        }

        var trimmed = target.Trim();
        if (trimmed.StartsWith('#'))
        {
            return;
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.IsUnc || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            throw new FileRefusedException(new FileRefused(FileProblem.ExternalLink,
                "This document has a link to a file or a network share (a file: or \\\\server address), which could hand the reader's "
                + "network sign-in to that computer when clicked. Change it to a web address or remove it, save the document again and try again."));
        }
    }

    private static FileRefusedException Fetches() => new(new FileRefused(FileProblem.ExternalLink,
        "This document fetches something from outside itself when it is opened (a template, picture, frame, object or field that points "
        + "at a web address, a file or a network share). Remove it (in Word, attach the Normal template and unlink linked pictures), "
        + "save the document again and try again."));

    private static FileRefusedException Unusual() => new(new FileRefused(FileProblem.NotADocument,
        "This document is built unusually (far more parts or fields than a real one). Open it, save it again as a new file and try again."));

    private static FileRefused NotDocx(string why) => new(FileProblem.NotADocument,
        $"This file is packed like a Word document (.docx) but is not one Word can open: {why}. Open it in Word, save it again as .docx and try again.");

    private static FileRefused NotOdt(string why) => new(FileProblem.NotADocument,
        $"This file is packed like an OpenDocument text (.odt) but is not one: {why}. Open it, save it again as .odt and try again.");

    private static ZipArchiveEntry? Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    private static XmlReader Open(ZipArchiveEntry entry) => SafeXml.Create(SafeZip.OpenEntry(entry, Limits), Limits.MaxEntryBytes);

    private static string ReadSmall(ZipArchiveEntry entry)
    {
        if (entry.Length > 200)
        {
            return string.Empty;
        }

        using var reader = new StreamReader(SafeZip.OpenEntry(entry, Limits));
        return reader.ReadToEnd();
    }
}
