namespace Workflows.Documents;

/// The "Documents" section of appsettings.json.
public sealed class DocumentOptions
{
    /// Where files are stored (outside the web root). Empty: "documents" inside the data folder; relative: against the data folder.
    public string Folder { get; set; } = string.Empty;

    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}
