using Workflows.Files;

namespace Workflows.Spreadsheets;

/// One row of a sheet that holds at least one value: its spreadsheet row number (1 = the first) and its cells, from
/// column A, as text (no trailing empty cells).
public sealed record SheetRow(int Number, IReadOnlyList<string> Cells);

/// Caps for reading an uploaded sheet, checked as it is read and before anything of the capped size is allocated. Only
/// cells holding a value count: an empty cell that merely carries formatting, far down or far right, is passed over.
public sealed record SheetLimits(
    int MaxRowNumber,
    int MaxRows,
    int MaxColumns,
    int MaxCellChars,
    int MaxTotalChars,
    int MaxSharedStrings,
    ZipLimits Zip)
{
    /// Column 1 is A, 27 is AA.
    public static string ColumnName(int number)
    {
        var name = string.Empty;
        for (var n = number; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    internal FileRefusedException RowBeyond(string what) => Refuse(FileProblem.RowBeyondLimit,
        $"The {what} has a value below row {MaxRowNumber:N0}. Keep the reviews within the first {MaxRowNumber:N0} rows "
        + "(delete the rows under them, or copy the reviews into the template) and try again.");

    internal FileRefusedException ColumnBeyond(string what) => Refuse(FileProblem.ColumnBeyondLimit,
        $"The {what} has a value to the right of column {ColumnName(MaxColumns)} (column {MaxColumns:N0}). Keep to the template's columns "
        + "(delete the other columns) and try again.");

    internal FileRefusedException TooManyRows(string what) => Refuse(FileProblem.TooManyRows,
        $"The {what} has more than {MaxRows - 1:N0} rows under the headings: import at most {MaxRows - 1:N0} reviews at a time "
        + "(split the tracker into several files).");

    internal FileRefusedException CellTooLong(string what, int row) => Refuse(FileProblem.CellTooLong,
        $"A cell in row {row:N0} of the {what} holds more than {MaxCellChars:N0} characters: check it is the tracker.");

    internal FileRefusedException TooMuchText(string what) => Refuse(FileProblem.TooMuchText,
        $"The {what} holds more than {MaxTotalChars:N0} characters of text, far more than a tracker of reviews: check it is the right file.");

    private static FileRefusedException Refuse(FileProblem problem, string message) => new(new FileRefused(problem, message));
}

/// Gathers a sheet's values under its caps. Only rows with a value are kept, so nothing grows with a row or column number.
internal sealed class SheetCollector(SheetLimits limits, string what)
{
    private readonly SortedDictionary<int, List<string>> _rows = [];
    private long _chars;

    /// Row and column from 1. A value of only spaces counts as empty.
    public void Add(int row, int column, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (row > limits.MaxRowNumber)
        {
            throw limits.RowBeyond(what);
        }

        if (column > limits.MaxColumns)
        {
            throw limits.ColumnBeyond(what);
        }

        if (value.Length > limits.MaxCellChars)
        {
            throw limits.CellTooLong(what, row);
        }

        CountText(value.Length);
        if (!_rows.TryGetValue(row, out var cells))
        {
            if (_rows.Count >= limits.MaxRows)
            {
                throw limits.TooManyRows(what);
            }

            _rows[row] = cells = [];
        }

        while (cells.Count < column)
        {
            cells.Add(string.Empty);
        }

        cells[column - 1] = value;
    }

    /// Text held outside the cells (shared strings) counts towards the same total.
    public void CountText(int length)
    {
        if ((_chars += length) > limits.MaxTotalChars)
        {
            throw limits.TooMuchText(what);
        }
    }

    public IReadOnlyList<SheetRow> Rows() => _rows.Select(r => new SheetRow(r.Key, r.Value)).ToList();
}
