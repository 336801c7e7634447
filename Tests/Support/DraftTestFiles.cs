using System.Text;

namespace Portal.Testing;

/// Small files of each kind the document checks recognise by content.
public static class DraftTestFiles
{
    public static MemoryStream Pdf() => new(SampleDocuments.Pdf("Draft"));

    /// A real, minimal Word document: the upload checks look at its parts, not only its names.
    public static MemoryStream Docx() => new(SampleDocuments.Docx("Draft"));

    public static MemoryStream Text() => new(Encoding.UTF8.GetBytes("Not a document the portal accepts."));

    /// Writes a file to a temporary folder (for a browser's file picker) and returns its path.
    public static string Save(MemoryStream content, string fileName)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("portal-upload-").FullName, fileName);
        File.WriteAllBytes(path, content.ToArray());
        return path;
    }
}
