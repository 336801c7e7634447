using System.IO.Compression;
using System.Text;

namespace Portal.Testing;

/// Small files of each kind the document checks recognise by content.
public static class DraftTestFiles
{
    public static MemoryStream Pdf() => new(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));

    /// A zip holding [Content_Types].xml and word/document.xml, as a .docx does.
    public static MemoryStream Docx()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Write(zip, "word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }

        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Text() => new(Encoding.UTF8.GetBytes("Not a document the portal accepts."));

    /// Writes a file to a temporary folder (for a browser's file picker) and returns its path.
    public static string Save(MemoryStream content, string fileName)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("portal-upload-").FullName, fileName);
        File.WriteAllBytes(path, content.ToArray());
        return path;
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
