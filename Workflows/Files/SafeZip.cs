using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Workflows.Files;

/// Caps for a zip package (an .xlsx, .docx or .odt is one). What names the file in messages, e.g. "an Excel workbook (.xlsx)".
public sealed record ZipLimits(string What, int MaxEntries, long MaxEntryBytes, long MaxTotalBytes, int MaxRatio);

/// Opens an uploaded zip only after checking, from what it declares, that unpacking it stays small: the entry count from
/// the end record (before the central directory is read), then each entry's size and compression ratio (before any is
/// unpacked). An entry that unpacks to more than it declared is stopped at the declared size.
public static class SafeZip
{
    private const int EndRecordLength = 22;

    /// Below this an entry's ratio is not checked: a few kilobytes of repetitive XML can compress a thousand times.
    private const long RatioFloorBytes = 1024 * 1024;

    public static ZipArchive Open(Stream seekable, ZipLimits limits)
    {
        var entries = DeclaredEntryCount(seekable, limits);
        if (entries > limits.MaxEntries)
        {
            throw Refuse(limits, FileProblem.TooManyEntries, $"it is made of more than {limits.MaxEntries:N0} parts");
        }

        seekable.Position = 0;
        var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > limits.MaxEntryBytes)
                {
                    throw Refuse(limits, FileProblem.TooLarge, $"a part of it would unpack to more than {Megabytes(limits.MaxEntryBytes)}");
                }

                if ((total += entry.Length) > limits.MaxTotalBytes)
                {
                    throw Refuse(limits, FileProblem.TooLarge, $"it would unpack to more than {Megabytes(limits.MaxTotalBytes)}");
                }

                if (entry.Length > RatioFloorBytes && (entry.CompressedLength == 0 || entry.Length / entry.CompressedLength > limits.MaxRatio))
                {
                    throw Refuse(limits, FileProblem.CompressionRatio, "a part of it is packed far more tightly than real documents are");
                }
            }

            return zip;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// The entry's content, stopped with a refusal if it unpacks to more than its declared size.
    public static Stream OpenEntry(ZipArchiveEntry entry, ZipLimits limits) => new CappedStream(entry.Open(), entry.Length, limits);

    /// The entry count of the end-of-central-directory record. Zip64 is refused: no document of this size needs it.
    private static long DeclaredEntryCount(Stream stream, ZipLimits limits)
    {
        var tail = (int)Math.Min(stream.Length, EndRecordLength + ushort.MaxValue);
        var buffer = new byte[tail];
        stream.Position = stream.Length - tail;
        stream.ReadExactly(buffer);
        for (var i = tail - EndRecordLength; i >= 0; i--)
        {
            var record = buffer.AsSpan(i);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != 0x06054b50)
            {
                continue;
            }

            var entries = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            var directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);
            if (entries == ushort.MaxValue || directoryOffset == uint.MaxValue)
            {
                throw Refuse(limits, FileProblem.TooManyEntries, "it uses the large-file zip format, which no document of this size needs");
            }

            return entries;
        }

        throw new InvalidDataException("No end of central directory record.");
    }

    private static FileRefusedException Refuse(ZipLimits limits, FileProblem problem, string why) => new(new FileRefused(problem,
        $"This file cannot be taken as {limits.What}: {why}. Open it in the program that made it, save it again as a new file and try again."));

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MB");

    private sealed class CappedStream(Stream inner, long declared, ZipLimits limits) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _read += n;
            if (_read > declared)
            {
                throw Refuse(limits, FileProblem.TooLarge, "a part of it unpacks to more than it says");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
