using System.Buffers;
using System.Xml;

namespace Workflows.Files;

/// XML from uploaded files: no DTD (so no entity expansion and nothing fetched), no resolver, and a cap on the characters
/// a part may hold. Text is read in chunks so a cap refuses a long value before it is built as one string.
public static class SafeXml
{
    public static XmlReader Create(Stream part, long maxCharacters) => XmlReader.Create(part, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    /// The text inside the current element (its text nodes, at any depth below it), leaving the reader on its end tag.
    /// More than maxChars characters calls tooLong, which must throw. Elements for which skip is true are left out.
    public static string ReadText(XmlReader reader, int maxChars, Func<Exception> tooLong, Func<XmlReader, bool>? skip = null)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var buffer = ArrayPool<char>.Shared.Rent(256);
        var length = 0;
        try
        {
            reader.Read();
            while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && skip?.Invoke(reader) == true)
                {
                    // Skip leaves the reader on the node after the element.
                    reader.Skip();
                    continue;
                }

                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    Append(reader, ref buffer, ref length, maxChars, tooLong);
                }

                reader.Read();
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// Reads the current text node in chunks into a pooled buffer that grows only up to the cap.
    private static void Append(XmlReader reader, ref char[] buffer, ref int length, int maxChars, Func<Exception> tooLong)
    {
        if (!reader.CanReadValueChunk)
        {
            var value = reader.Value;
            Grow(ref buffer, length, length + value.Length, maxChars, tooLong);
            value.CopyTo(buffer.AsSpan(length));
            length += value.Length;
            return;
        }

        while (true)
        {
            if (length == buffer.Length)
            {
                Grow(ref buffer, length, length + 1, maxChars, tooLong);
            }

            var read = reader.ReadValueChunk(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return;
            }

            length += read;
            if (length > maxChars)
            {
                throw tooLong();
            }
        }
    }

    private static void Grow(ref char[] buffer, int length, int needed, int maxChars, Func<Exception> tooLong)
    {
        if (needed > maxChars + 1)
        {
            throw tooLong();
        }

        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<char>.Shared.Rent(Math.Min(Math.Max(needed, buffer.Length * 2), maxChars + 1));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(buffer);
        buffer = larger;
    }
}
