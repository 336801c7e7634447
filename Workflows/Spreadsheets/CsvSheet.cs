using CsvHelper;
using Domain;
using Workflows.Files;

namespace Workflows.Spreadsheets;

/// Reads an uploaded .csv as rows of text under the same caps as a workbook. Row numbers count records, empty ones
/// included, so they match the rows a spreadsheet program shows.
public static class CsvSheet
{
    private const string What = "file";

    /// A row of the template is a few kilobytes; a megabyte is far beyond any real row, and keeps the reader's buffer
    /// and its table of fields small whatever the file holds.
    private const int MaxRecordBytes = 1024 * 1024;

    public static Result<IReadOnlyList<SheetRow>> Read(Stream content, SheetLimits limits)
    {
        var sheet = new SheetCollector(limits, What);
        try
        {
            var options = CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false, MaxRecordSize = MaxRecordBytes };
            using var csv = CsvReader.Create(content, options, leaveOpen: true);
            var row = 0;
            while (csv.Read())
            {
                row++;
                for (var c = 0; c < csv.FieldCount; c++)
                {
                    if (csv.IsEmpty(c))
                    {
                        continue;
                    }

                    // UTF-8 holds at most three bytes per character: a longer field is refused before it becomes a string.
                    if (csv.GetSpan(c).Length > 3 * limits.MaxCellChars)
                    {
                        throw limits.CellTooLong(What, row);
                    }

                    sheet.Add(row, c + 1, csv.GetString(c));
                }
            }

            return Result<IReadOnlyList<SheetRow>>.Ok(sheet.Rows());
        }
        catch (FileRefusedException e)
        {
            return e.Refusal;
        }
        catch (Exception e) when (e is CsvFormatException || FileRefused.IsMalformed(e))
        {
            return new FileRefused(FileProblem.Unreadable,
                "The file could not be read as CSV: save the sheet as \"CSV UTF-8 (comma delimited)\" and try again.", e.GetType().Name);
        }
    }
}
