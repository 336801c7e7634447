using System.Text.RegularExpressions;
using Infrastructure.Files;
using Workflows.Documents;

namespace Infrastructure.Documents;

/// Document files in a folder outside the web root ("documents" in the data folder unless Documents:Folder says otherwise).
/// Stored names are random hex, checked here so that no name can reach outside the folder.
public sealed partial class FolderDocumentStorage(string folder) : IDocumentStorage
{
    public string Folder { get; } = PrivateFolder(folder);

    public async Task SaveAsync(string storedName, Stream content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(storedName);
        var temp = path + ".part";
        try
        {
            await using (var file = new FileStream(temp, PrivateFiles.NewFile(FileMode.CreateNew, async: true)))
            {
                await content.CopyToAsync(file, ct);
                await file.FlushAsync(ct);
            }

            File.Move(temp, path);
        }
        catch
        {
            // A half-written file (disk full, cancelled) is not left behind either.
            File.Delete(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string storedName, CancellationToken ct = default) =>
        Task.FromResult<Stream>(new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public Task DeleteAsync(string storedName, CancellationToken ct = default)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    /// The folder and its files the service account's only (it may lie outside the data folder: Documents:Folder).
    private static string PrivateFolder(string folder)
    {
        var path = PrivateFiles.CreateFolder(folder).FullName;
        PrivateFiles.TightenTree(path);
        return path;
    }

    private string PathOf(string storedName) => StoredNamePattern().IsMatch(storedName)
        ? Path.Combine(Folder, storedName)
        : throw new ArgumentException("Not a stored document name.", nameof(storedName));

    [GeneratedRegex("^[0-9a-f]{16,64}$")]
    private static partial Regex StoredNamePattern();
}
