using System.Text;

namespace Workflows.Files;

/// A file must be one kind of file from its first byte to its last. A polyglot is read as one kind by the portal and
/// as another by something else: a PDF that a browser renders as a web page (its script then runs with whatever
/// origin serves it), or a PDF that is also a zip. The rule, on the raw bytes:
/// - no HTML that a browser would act on, anywhere: an opening tag of html, head, body, script, iframe, frame,
///   frameset, object, embed, svg, meta, base, form or link, or an HTML doctype (real PDFs keep their text in
///   compressed streams and their markup is PDF's own; Office and OpenDocument files keep theirs deflated);
/// - a PDF ends with %%EOF (then only whitespace), so nothing rides after it, and holds no zip end record;
/// - a zip holds no PDF header in the first kilobyte, where PDF readers look for one.
public static class Polyglots
{
    private static readonly byte[][] HtmlTags = new[]
        { "html", "head", "body", "script", "iframe", "frame", "frameset", "object", "embed", "svg", "meta", "base", "form", "link" }
        .Select(Encoding.ASCII.GetBytes).ToArray();

    private const int PdfHeaderWindow = 1024;

    /// What else the file is, in words, or null when it is one kind only.
    public static string? OtherKind(ReadOnlySpan<byte> file, bool isPdf)
    {
        if (HasHtml(file))
        {
            return "web page code (HTML)";
        }

        if (isPdf)
        {
            if (!EndsWithEof(file))
            {
                return "something after the end of the PDF";
            }

            var tail = file[Math.Max(0, file.Length - (ushort.MaxValue + 22))..];
            if (tail.IndexOf("PK\u0005\u0006"u8) >= 0)
            {
                return "a zip archive";
            }
        }
        else if (file[..Math.Min(file.Length, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0)
        {
            return "a PDF";
        }

        return null;
    }

    /// An opening tag ("<" and a tag name of HtmlTags, any case, ended as HTML ends a name: space, "/" or ">") or "<!doctype html".
    private static bool HasHtml(ReadOnlySpan<byte> file)
    {
        for (var i = file.IndexOf((byte)'<'); i >= 0; i = Next(file, i))
        {
            var rest = file[(i + 1)..];
            if (StartsWithIgnoringCase(rest, "!doctype html"u8))
            {
                return true;
            }

            foreach (var tag in HtmlTags)
            {
                if (rest.Length > tag.Length && StartsWithIgnoringCase(rest, tag) && IsNameEnd(rest[tag.Length]))
                {
                    return true;
                }
            }
        }

        return false;

        static int Next(ReadOnlySpan<byte> file, int i)
        {
            var next = file[(i + 1)..].IndexOf((byte)'<');
            return next < 0 ? -1 : i + 1 + next;
        }
    }

    private static bool IsNameEnd(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'/' or (byte)'>';

    private static bool StartsWithIgnoringCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix)
    {
        if (text.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (Lower(text[i]) != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static byte Lower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;

    /// %%EOF, then nothing but whitespace (PDF writers end with a line break, some with NULs).
    private static bool EndsWithEof(ReadOnlySpan<byte> file)
    {
        var end = file.Length;
        while (end > 0 && file[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or 0)
        {
            end--;
        }

        return file[..end].EndsWith("%%EOF"u8);
    }
}
