using System.Globalization;
using Domain;
using Workflows.Files;

namespace Workflows.Documents;

/// A file type the portal accepts, as recognised from the content.
public sealed record DocumentFileType(string Extension, string ContentType, string Description);

/// Checks an uploaded file by its content (not its name): a PDF, a Word document (.docx) or an OpenDocument text (.odt),
/// no larger than the limit, one kind of file only (Polyglots), and for the zip-based kinds a real package that fetches
/// nothing from outside itself (DocumentPackages). The name's ending must agree with the content, so that a renamed
/// file is caught.
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

    public static string TooLarge(long size, long maxBytes) =>
        $"The file is {DescribeSize(size)}, larger than the limit of {DescribeSize(maxBytes)}. "
        + "Make it smaller (for example, save pictures at a lower resolution) or send it in parts.";

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
            return new Error(TooLarge(content.Length, maxBytes), FieldName);
        }

        var ending = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        try
        {
            var recognised = Recognise(content);
            if (recognised is null)
            {
                return new FileRefused(FileProblem.NotADocument, "This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document"
                    + (ending.Length > 0 ? $", although its name ends in {ending}" : string.Empty)
                    + ". Choose a file of one of those types (save it as PDF or .docx first if needed).");
            }

            if (!recognised.Value.IsSuccess)
            {
                return recognised.Value.Error!;
            }

            var type = recognised.Value.Value;
            if (ending != type.Extension)
            {
                return new FileRefused(FileProblem.NotADocument, $"This file is {type.Description} but its name ends in "
                    + (ending.Length > 0 ? ending : "nothing") + $". Rename it to end in {type.Extension}, or choose the right file.");
            }

            return type;
        }
        catch (FileRefusedException e)
        {
            return e.Refusal;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// The type by content (null: none of the accepted kinds), or why a file of an accepted kind is refused.
    private static Result<DocumentFileType>? Recognise(Stream content)
    {
        var bytes = Bytes(content).Span;
        var isPdf = bytes.StartsWith("%PDF-"u8);
        if (!isPdf && !bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        if (Polyglots.OtherKind(bytes, isPdf) is { } other)
        {
            return new FileRefused(FileProblem.Polyglot, $"This file is {(isPdf ? "a PDF" : "packed like a document")} but also holds {other}, "
                + "which a real document does not. Open it and save (or print) it again as PDF, .docx or .odt, and upload that.");
        }

        if (isPdf)
        {
            return Pdf;
        }

        try
        {
            content.Position = 0;
            return DocumentPackages.Recognise(content);
        }
        catch (Exception e) when (FileRefused.IsMalformed(e))
        {
            return null;
        }
    }

    /// The whole file (at most the size limit, checked before): the polyglot rules look at every byte.
    private static ReadOnlyMemory<byte> Bytes(Stream content)
    {
        if (content is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return buffer;
        }

        content.Position = 0;
        var bytes = new byte[content.Length];
        content.ReadExactly(bytes);
        return bytes;
    }
}
