using Portal.Testing;
using Workflows.Documents;

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
}
