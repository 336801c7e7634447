using Portal.Testing;
using Workflows.Documents;
using Workflows.Files;

namespace Portal.Fast.Tests;

/// DocumentFiles.Check: the type comes from the content (real minimal files made here), the name must agree, and
/// empty or oversized files are refused with a message that says what to do.
public class DocumentsFileCheckTests
{
    private const long Limit = 20 * 1024 * 1024;

    private static Domain.Result<DocumentFileType> Check(byte[] bytes, string name, long max = Limit)
    {
        using var stream = new MemoryStream(bytes);
        var result = DocumentFiles.Check(stream, name, max);
        Assert.Equal(0, stream.Position);
        return result;
    }

    [Fact]
    public void Check_RealPdf_IsPdf() => Assert.Equal(DocumentFiles.Pdf, Check(SampleDocuments.Pdf(), "return.pdf").Value);

    [Fact]
    public void Check_RealDocx_IsWord() => Assert.Equal(DocumentFiles.Docx, Check(SampleDocuments.Docx(), "IMR.DOCX").Value);

    [Fact]
    public void Check_RealOdt_IsOpenDocument() => Assert.Equal(DocumentFiles.Odt, Check(SampleDocuments.Odt(), "chronology.odt").Value);

    [Fact]
    public void Check_TextFileNamedPdf_IsRefusedByContent()
    {
        var result = Check(SampleDocuments.Text(), "return.pdf");
        Assert.False(result.IsSuccess);
        Assert.Equal(DocumentFiles.FieldName, result.Error!.Field);
        Assert.Contains("not a PDF, Word (.docx) or OpenDocument text (.odt) document, although its name ends in .pdf", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return.docx")]
    [InlineData("return.odt")]
    public void Check_ZipThatIsNoDocument_IsRefused(string name) => Assert.False(Check(SampleDocuments.OtherZip(), name).IsSuccess);

    [Fact]
    public void Check_DocxRenamedToPdf_SaysWhatItReallyIs()
    {
        var result = Check(SampleDocuments.Docx(), "return.pdf");
        Assert.False(result.IsSuccess);
        Assert.Contains("is a Word document (.docx) but its name ends in .pdf", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OdtRenamedToDocx_IsRefused() =>
        Assert.Contains("OpenDocument text (.odt)", Check(SampleDocuments.Odt(), "return.docx").Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void Check_EmptyFile_IsRefused() =>
        Assert.Contains("The file is empty", Check([], "return.pdf").Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void Check_OneByteOverTheLimit_IsRefused_AtTheLimit_IsAccepted()
    {
        var pdf = SampleDocuments.Pdf();
        Assert.True(Check(pdf, "a.pdf", pdf.Length).IsSuccess);
        var result = Check(pdf, "a.pdf", pdf.Length - 1);
        Assert.False(result.IsSuccess);
        Assert.Contains("larger than the limit", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TwentyOneMegabytes_SaysBothSizes()
    {
        var big = new byte[21 * 1024 * 1024];
        SampleDocuments.Pdf().CopyTo(big, 0);
        Assert.Contains("The file is 21 MB, larger than the limit of 20 MB", Check(big, "big.pdf").Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoExtension_IsRefused() =>
        Assert.Contains("ends in nothing", Check(SampleDocuments.Pdf(), "return").Error!.Message, StringComparison.Ordinal);

    [Fact]
    public void DownloadName_HoldsReferenceKindAndVersionOnly() =>
        Assert.Equal("LR-2026-004-information-return-v2.docx",
            DownloadDocumentHandler.FileName("LR-2026-004", Domain.Documents.DocumentKind.InformationReturn, 2, ".docx"));

    public static TheoryData<string> CraftedFiles() => new(HostileDocuments.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(CraftedFiles))]
    public void Check_CraftedFile_IsRefusedWithAMessage(string name)
    {
        var (_, fileName, make) = HostileDocuments.All.Single(f => f.Name == name);

        var result = Check(make(), fileName);

        Assert.False(result.IsSuccess, "The file was accepted.");
        Assert.Equal(DocumentFiles.FieldName, result.Error!.Field);
        Assert.True(result.Error.Message.Length > 40, result.Error.Message);
    }

    [Theory]
    [InlineData("PDF/HTML polyglot")]
    [InlineData("PDF with HTML after %%EOF")]
    [InlineData("PDF/zip polyglot")]
    [InlineData("docx holding a PDF header")]
    public void Check_Polyglot_SaysWhatElseItHolds(string name)
    {
        var (_, fileName, make) = HostileDocuments.All.Single(f => f.Name == name);
        var refused = Assert.IsType<FileRefused>(Check(make(), fileName).Error);
        Assert.Equal(FileProblem.Polyglot, refused.Problem);
        Assert.Contains("but also holds", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docx with a remote template")]
    [InlineData("docx with a UNC template")]
    [InlineData("docx with a linked picture")]
    [InlineData("docx with a file: hyperlink")]
    [InlineData("docx with an INCLUDEPICTURE field")]
    [InlineData("docx with a DDEAUTO field")]
    [InlineData("odt with a linked picture")]
    public void Check_DocumentThatFetchesFromOutside_IsRefused(string name)
    {
        var (_, fileName, make) = HostileDocuments.All.Single(f => f.Name == name);
        Assert.Equal(FileProblem.ExternalLink, Assert.IsType<FileRefused>(Check(make(), fileName).Error).Problem);
    }

    [Theory]
    [InlineData("https://www.gov.uk/government/publications/domestic-homicide-review-statutory-guidance")]
    [InlineData("mailto:reviews@example.org")]
    [InlineData("#_Toc1")]
    public void Check_DocxWithAWebOrMailHyperlink_IsAccepted(string target) =>
        Assert.Equal(DocumentFiles.Docx, Check(HostileDocuments.DocxHyperlink(target), "report.docx").Value);

    [Fact]
    public void Check_DocxWithAHyperlinkField_IsAccepted() =>
        Assert.Equal(DocumentFiles.Docx, Check(HostileDocuments.DocxField(" HYPERLINK \"https://example.org\" "), "report.docx").Value);

    [Theory]
    [InlineData("zip with [Content_Types].xml and word/", "does not say which part is the document")]
    [InlineData("docx whose main part is missing", "the document part it names is missing")]
    [InlineData("macro-enabled document as .docx", "Word document with macros (.docm)")]
    [InlineData("odt without a manifest", "it has no manifest")]
    [InlineData("odt whose manifest is not text", "does not declare it as OpenDocument text")]
    public void Check_ZipDressedAsADocument_SaysWhatIsMissing(string name, string message)
    {
        var (_, fileName, make) = HostileDocuments.All.Single(f => f.Name == name);
        Assert.Contains(message, Check(make(), fileName).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TooManyPartsOrABomb_IsRefusedBeforeUnpacking()
    {
        Assert.Equal(FileProblem.TooManyEntries, Assert.IsType<FileRefused>(Check(HostileDocuments.All.Single(f => f.Name == "docx of 3,000 parts").Make(), "a.docx").Error).Problem);
        Assert.Equal(FileProblem.TooLarge, Assert.IsType<FileRefused>(Check(HostileDocuments.DocxBomb(), "a.docx").Error).Problem);
    }
}
