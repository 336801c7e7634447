using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Infrastructure.Seeding;

/// The demo's documents (drafts, returns): real Word files of one paragraph, which the upload checks accept as any other.
internal static class DemoDocuments
{
    public static byte[] Docx(string text)
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }

        return memory.ToArray();
    }
}
