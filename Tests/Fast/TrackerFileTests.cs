using System.Text;
using Portal.Testing;
using Workflows.Files;
using Workflows.Import;
using Workflows.Spreadsheets;

namespace Portal.Fast.Tests;

/// Reading an uploaded tracker (issue 13, finding 4): crafted files are refused with a message before they cost memory
/// or time, and real sheets (formatting far away, dates, shared strings) still read as they did.
public class TrackerFileTests
{
    private static async Task<FileRefused> RefusedAsync(byte[] bytes, string name = "tracker.xlsx")
    {
        using var stream = new MemoryStream(bytes);
        var result = await TrackerFile.ReadAsync(stream, name, CancellationToken.None);
        Assert.False(result.IsSuccess, "The file was accepted.");
        return Assert.IsType<FileRefused>(result.Error);
    }

    public static TheoryData<string> CraftedFiles() => new(HostileSheets.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public async Task Read_CraftedFile_IsRefusedWithAMessageThatQuotesNothingOfIt(string name)
    {
        var (_, fileName, make) = HostileSheets.All.Single(f => f.Name == name);

        var refused = await RefusedAsync(make(), fileName);

        Assert.NotEqual(FileProblem.ReaderFault, refused.Problem);
        Assert.Equal("File", refused.Field);
        Assert.True(refused.Message.Length > 40, refused.Message);
        Assert.DoesNotContain("Case Q", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lol", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(50_000_000, FileProblem.RowBeyondLimit)]
    [InlineData(10_001, FileProblem.RowBeyondLimit)]
    public async Task Read_ValueBelowTheLastRowAllowed_SaysKeepTheReviewsInTheFirstRows(int row, FileProblem problem)
    {
        var refused = await RefusedAsync(HostileSheets.HugeRowNumber(row));
        Assert.Equal(problem, refused.Problem);
        Assert.Contains("below row 10,000", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZZZ")]
    [InlineData("XFD")]
    [InlineData("CW")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Read_HeadingBeyondColumnCV_IsRefused(string column)
    {
        var refused = await RefusedAsync(HostileSheets.WideColumn(column));
        Assert.Equal(FileProblem.ColumnBeyondLimit, refused.Problem);
        Assert.Contains("to the right of column CV", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_Doctype_IsRefusedAsUnreadable_AndNoEntityIsExpanded()
    {
        Assert.Equal(FileProblem.Unreadable, (await RefusedAsync(HostileSheets.EntityExpansion())).Problem);
        Assert.Equal(FileProblem.Unreadable, (await RefusedAsync(HostileSheets.ExternalEntity())).Problem);
    }

    [Fact]
    public async Task Read_ZipBombs_AreRefusedByTheirDeclaredSize_OrStoppedAtIt()
    {
        Assert.Equal(FileProblem.TooLarge, (await RefusedAsync(HostileSheets.ZipBomb())).Problem);
        Assert.Contains((await RefusedAsync(HostileSheets.UnderstatedZipBomb())).Problem, new[] { FileProblem.TooLarge, FileProblem.Unreadable });
        Assert.Equal(FileProblem.TooManyEntries, (await RefusedAsync(HostileSheets.ManyEntries())).Problem);
    }

    [Fact]
    public async Task Read_TooManyRowsOrTexts_SaysTheCap()
    {
        var rows = await RefusedAsync(HostileSheets.ManyRows(2_001));
        Assert.Equal(FileProblem.TooManyRows, rows.Problem);
        Assert.Contains("import at most 2,000 reviews at a time", rows.Message, StringComparison.Ordinal);
        Assert.Equal(FileProblem.TooManySharedStrings, (await RefusedAsync(HostileSheets.ManySharedStrings(100_001))).Problem);
        Assert.Equal(FileProblem.CellTooLong, (await RefusedAsync(HostileSheets.LongCell(32_768))).Problem);
        Assert.Equal(FileProblem.CellTooLong, (await RefusedAsync(HostileSheets.CsvLongField(32_768), "tracker.csv")).Problem);
        Assert.Equal(FileProblem.TooManyRows, (await RefusedAsync(HostileSheets.CsvManyRows(2_001), "tracker.csv")).Problem);
        Assert.Equal(FileProblem.ColumnBeyondLimit, (await RefusedAsync(HostileSheets.CsvWide(101), "tracker.csv")).Problem);
    }

    [Fact]
    public void Read_SheetAtTheCaps_IsRead()
    {
        using var stream = new MemoryStream(HostileSheets.ManyRows(2_000));
        var rows = XlsxReader.Read(stream, TrackerFile.Limits);
        Assert.True(rows.IsSuccess, rows.Error?.Message);
        Assert.Equal(2_001, rows.Value.Count);
        Assert.Equal((2_001, "Case 2001"), (rows.Value[^1].Number, rows.Value[^1].Cells[0]));
    }

    [Theory]
    [InlineData(1_000_000, "A")]
    [InlineData(2, "ZZZ")]
    public void Read_HugeRowOrColumnReference_AllocatesAlmostNothing(int row, string column)
    {
        var bytes = HostileSheets.Workbook(HostileSheets.Headings
            + $"<row r=\"{row}\"><c r=\"{column}{row}\" t=\"inlineStr\"><is><t>Case Q 2025</t></is></c></row>");
        Read(HostileSheets.Workbook(HostileSheets.Headings));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Read(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.False(result.IsSuccess);
        // The zip's and XML reader's own buffers: well under a megabyte, however large the number in the file.
        Assert.True(allocated < 1024 * 1024, $"{allocated:N0} bytes allocated");

        static Domain.Result<IReadOnlyList<SheetRow>> Read(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes);
            return XlsxReader.Read(stream, TrackerFile.Limits);
        }
    }

    [Fact]
    public void Read_FormattingFarAway_IsPassedOver_AndSharedStringsAndDatesReadAsShown()
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var styles = $"<styleSheet xmlns=\"{main}\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/></numFmts>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
        var bytes = HostileSheets.Workbook(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"XFD1\" s=\"1\"/></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" s=\"1\"><v>45691</v></c><c r=\"C2\" s=\"2\"><f>TODAY()</f><v>45692</v></c><c r=\"D2\"><v>7</v></c></row>"
            + "<row r=\"1048576\" s=\"1\" customFormat=\"1\"><c r=\"A1048576\" s=\"1\"/></row>",
            sharedStrings: $"<sst xmlns=\"{main}\" count=\"999999999\"><si><t>Case label</t></si><si><t>Date notified</t></si>"
                + "<si><r><t>Case </t></r><r><t>Q 2025</t></r><rPh sb=\"0\" eb=\"1\"><t>KEESU</t></rPh></si></sst>",
            styles: styles);
        using var stream = new MemoryStream(bytes);

        var result = XlsxReader.Read(stream, TrackerFile.Limits);

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal([1, 2], result.Value.Select(r => r.Number));
        Assert.Equal(["Case label", "Date notified"], result.Value[0].Cells);
        Assert.Equal(["Case Q 2025", "03/02/2025", "04/02/2025", "7"], result.Value[1].Cells);
    }

    [Fact]
    public async Task Read_CsvWithBlankLines_KeepsTheRowNumbersASpreadsheetShows()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("Case label,Lead CSP\r\n\r\nCase Q 2025,Rutland CSP\r\n,\r\n"));
        var result = await TrackerFile.ReadAsync(stream, "tracker.csv", CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(3, result.Value.Rows.Single().Row);
        Assert.Equal("Rutland CSP", result.Value.Rows[0].Get(ImportColumns.LeadCsp));
    }
}
