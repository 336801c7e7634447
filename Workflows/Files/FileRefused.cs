using System.Text;
using System.Xml;
using Domain;

namespace Workflows.Files;

/// Why an uploaded file was refused, for the log (the message, for the person, is in the error).
public enum FileProblem
{
    Unreadable,
    TooManyEntries,
    TooLarge,
    CompressionRatio,
    NotADocument,
    ExternalLink,
    Polyglot,
    RowBeyondLimit,
    ColumnBeyondLimit,
    TooManyRows,
    CellTooLong,
    TooMuchText,
    TooManySharedStrings,
    ReaderFault,
}

/// A file refused by its content, with a plain-English message that says what to do. Never holds the file's contents.
public sealed record FileRefused(FileProblem Problem, string Message, string? Detail = null) : Error(Message, "File")
{
    /// What a damaged or hostile file makes the readers throw (a broken zip or deflate stream, bad or DTD-carrying XML,
    /// a file cut short), as opposed to a bug of ours.
    public static bool IsMalformed(Exception e) => e is InvalidDataException or XmlException or EndOfStreamException or NotSupportedException
        or DecoderFallbackException;
}

/// Thrown from deep inside a reader (a zip entry, an XML part) when a cap is reached, and turned into a FileRefused by
/// the reader's entry point, so a cap stops the work at once instead of being checked after each step.
public sealed class FileRefusedException(FileRefused refusal) : Exception(refusal.Message)
{
    public FileRefused Refusal { get; } = refusal;
}
