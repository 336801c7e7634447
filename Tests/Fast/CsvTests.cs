using System.Text;
using Domain.Audit;
using Workflows.Audit;
using Workflows.Spreadsheets;

namespace Portal.Fast.Tests;

/// The exports' CSV: quoting by RFC 4180, and no cell a spreadsheet would run as a formula.
public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Line_QuotesAndNeutralisesEachCell(string cell, string expected) => Assert.Equal(expected + "\r\n", Csv.Line(cell));

    [Fact]
    public void AuditCsv_HasPlainColumns_UkDatesAndLondonTimes_AndNeutralisedCells()
    {
        var summer = new DateTime(2026, 7, 1, 23, 30, 0, DateTimeKind.Utc); // 00:30 on 2 July in London
        var row = new AuditRow(1, summer, "=cmd|' /C calc'!A0", "-evil@example.org", "Exported", "Audit trail", "LR-2026-001", "@detail");
        var text = Encoding.UTF8.GetString(AuditCsv.Build(new AuditExport([row], WithDetail: true)));

        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var lines = text.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("Date,Time (London),Person,Email,What,Subject,Case,Detail", lines[0]);
        Assert.Equal("2 Jul 2026,00:30:00,'=cmd|' /C calc'!A0,'-evil@example.org,Exported,Audit trail,LR-2026-001,'@detail", lines[1]);

        var metadata = Encoding.UTF8.GetString(AuditCsv.Build(new AuditExport([row], WithDetail: false)));
        Assert.DoesNotContain("Detail", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("detail", metadata, StringComparison.Ordinal);
    }
}
