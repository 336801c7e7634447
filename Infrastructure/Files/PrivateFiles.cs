namespace Infrastructure.Files;

/// The data folder and everything the portal writes into it are readable by the service account only: folders 0700,
/// files 0600 (the SQLite database with its -wal and -shm, the key ring, documents, the mail pickup). New folders and
/// files are created so; those an earlier release made are tightened on start. Nothing to do on Windows, where the
/// folder's access list is the administrator's to set.
public static class PrivateFiles
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static DirectoryInfo CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var folder = Directory.CreateDirectory(path, PrivateFolder);
        Tighten(folder.FullName, PrivateFolder);
        return folder;
    }

    /// Options for a new file that only the service account can read (the mode applies when the file is created).
    public static FileStreamOptions NewFile(FileMode mode, bool async = false)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = async ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        return options;
    }

    /// Tightens a folder and everything in it that an earlier release left readable by others.
    public static void TightenTree(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder))
        {
            return;
        }

        Tighten(folder, PrivateFolder);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is null)
            {
                Tighten(entry.FullName, entry is DirectoryInfo ? PrivateFolder : PrivateFile);
            }
        }
    }

    /// An empty SQLite database file made 0600 before SQLite first opens it: SQLite gives the -wal and -shm files it
    /// creates the database file's own mode, so they are private too.
    public static void PrepareSqliteFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var created = new FileStream(path, NewFile(FileMode.OpenOrCreate));
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists))
        {
            Tighten(file, PrivateFile);
        }
    }

    /// A file written by another library (SQLite's VACUUM INTO) made the service account's only.
    public static void MakePrivate(string file) => Tighten(file, PrivateFile);

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == mode)
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException($"{path} must belong to the account the portal runs as, so that it can be made readable by "
                + "that account only (Database:DataPath in the README). Give the data folder to that account (chown -R) and start again.", e);
        }
    }
}
