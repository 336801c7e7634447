using System.Globalization;
using System.IO.Compression;
using Domain;

namespace Workflows.Documents;

/// A file type the portal accepts, as recognised from the content.
public sealed record DocumentFileType(string Extension, string ContentType, string Description);

/// Checks an uploaded file by its content (not its name): a PDF, a Word document (.docx) or an OpenDocument text (.odt),
/// no larger than the limit. The name's ending must agree with the content, so that a renamed file is caught.
public static class DocumentFiles
{
    public static readonly DocumentFileType Pdf = new(".pdf", "application/pdf", "a PDF");

    public static readonly DocumentFileType Docx = new(".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "a Word document (.docx)");

    public static readonly DocumentFileType Odt = new(".odt", "application/vnd.oasis.opendocument.text", "an OpenDocument text (.odt)");

    public static IReadOnlyList<DocumentFileType> Accepted { get; } = [Pdf, Docx, Odt];

    /// For file pickers ("accept" attribute).
    public static string AcceptAttribute => string.Join(",", Accepted.Select(t => t.Extension));

    public const string FieldName = "File";

    public static string DescribeSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    /// The stream must be seekable (DocumentUploads buffers it); its position is left at the start.
    public static Result<DocumentFileType> Check(Stream content, string fileName, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable: buffer it first.", nameof(content));
        }

        if (content.Length == 0)
        {
            return new Error("The file is empty. Choose the document again.", FieldName);
        }

        if (content.Length > maxBytes)
        {
            return new Error($"The file is {DescribeSize(content.Length)}, larger than the limit of {DescribeSize(maxBytes)}. "
                + "Make it smaller (for example, save pictures at a lower resolution) or send it in parts.", FieldName);
        }

        try
        {
            var type = Recognise(content);
            var ending = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
            if (type is null)
            {
                return new Error("This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document"
                    + (ending.Length > 0 ? $", although its name ends in {ending}" : string.Empty)
                    + ". Choose a file of one of those types (save it as PDF or .docx first if needed).", FieldName);
            }

            if (ending != type.Extension)
            {
                return new Error($"This file is {type.Description} but its name ends in "
                    + (ending.Length > 0 ? ending : "nothing") + $". Rename it to end in {type.Extension}, or choose the right file.", FieldName);
            }

            return type;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static DocumentFileType? Recognise(Stream content)
    {
        content.Position = 0;
        Span<byte> head = stackalloc byte[5];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 5 && head.SequenceEqual("%PDF-"u8))
        {
            return Pdf;
        }

        if (read < 4 || !head[..4].SequenceEqual("PK\u0003\u0004"u8))
        {
            return null;
        }

        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open());
                if (reader.ReadToEnd().Trim() == Odt.ContentType)
                {
                    return Odt;
                }
            }

            if (zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith("word/", StringComparison.Ordinal)))
            {
                return Docx;
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
