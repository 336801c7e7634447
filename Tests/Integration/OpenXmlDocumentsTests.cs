using System.Net;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;
using static Portal.Testing.ActionPlanScenario;

namespace Portal.Integration.Tests;

/// Every .docx and .xlsx the portal writes, downloaded as a person downloads it, passes the Open XML SDK's validator
/// with no errors: the board report's tables had no w:tblGrid (which the format requires), and readers refused them.
public sealed class OpenXmlDocumentsTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private PortalFactory Portal => fixture.Portal;

    [Fact]
    public async Task EveryDocumentThePortalWrites_PassesTheOpenXmlValidator()
    {
        var office = await Portal.WithDbAsync(db => db.Organisations.Where(o => o.Code == "LR").Select(o => o.Id).SingleAsync());
        var reviewId = await ReviewAtSignOffAsync(Portal);
        await ActionAsync(Portal, reviewId, await RecommendationAsync(Portal, reviewId));

        using var board = await Portal.SignedInClientAsync(DemoAccounts.BoardMember);
        var report = await DownloadAsync(board, $"/reports/board.docx?org={office}&asOf={Today(Portal):yyyy-MM-dd}");
        using (var docx = WordprocessingDocument.Open(new MemoryStream(report), false))
        {
            // The tables are there to be checked: in progress, timeliness, the two summary tables (always printed) and the actions appendix at least.
            Assert.True(docx.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().Count() >= 5);
            Assert.Contains("Appendix: outstanding actions", docx.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
            AssertValid(docx, "board report");
        }

        using var officer = await Portal.SignedInClientAsync(DemoAccounts.LrOfficer);
        foreach (var (path, name) in new[] { ($"/actions/plan/export.xlsx?review={reviewId}", "action plan"), ("/reviews/import/template.xlsx", "tracker template") })
        {
            using var xlsx = SpreadsheetDocument.Open(new MemoryStream(await DownloadAsync(officer, path)), false);
            Assert.NotEmpty(xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>());
            AssertValid(xlsx, name);
        }
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static void AssertValid(OpenXmlPackage package, string name)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, $"The {name} does not validate:\n{string.Join('\n', errors)}");
    }
}
