namespace Workflows.Documents;

/// Where document files are kept, by stored name (random, never the uploaded name). Infrastructure keeps them in a folder
/// outside the web root; nothing serves that folder directly.
public interface IDocumentStorage
{
    Task SaveAsync(string storedName, Stream content, CancellationToken ct = default);

    Task<Stream> OpenReadAsync(string storedName, CancellationToken ct = default);

    Task DeleteAsync(string storedName, CancellationToken ct = default);
}
