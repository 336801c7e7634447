namespace Infrastructure.Backups;

/// The "Backup" section of appsettings.json.
public sealed class BackupOptions
{
    /// Where backups are written. Empty: "backups" in the data folder; a relative path is taken from the data folder.
    /// Put it on another disk (or copy it off the machine): a backup beside the data dies with the disk.
    public string Folder { get; set; } = string.Empty;

    /// Backups older than this many days are removed after each new one; the newest is always kept.
    public int KeepDays { get; set; } = 14;

    public string FolderIn(string dataPath) => Path.Combine(dataPath, string.IsNullOrWhiteSpace(Folder) ? "backups" : Folder);
}
