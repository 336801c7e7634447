using System.Text;

namespace Workflows.Spreadsheets;

/// RFC 4180 CSV for the exports, safe to open in a spreadsheet: a field starting = + - @, a tab or a carriage return
/// (which a spreadsheet may read as a formula) is prefixed with ' so it shows as text.
public static class Csv
{
    public static string Line(params string?[] fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    private static string Field(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text != text.Trim()
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;
    }

    private static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// The file's bytes, with a byte order mark so that Excel opens the UTF-8 file correctly.
    public static byte[] Bytes(string csv) => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(csv)];
}
