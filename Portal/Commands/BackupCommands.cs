using Domain.Calendar;
using Infrastructure.Backups;

namespace Portal.Commands;

/// `backup`: the nightly backup, now. Prints the new backup's folder alone on standard output, for a script to pick up.
internal sealed class BackupCommand : IPortalCommand
{
    public string Name => "backup";

    public string Arguments => string.Empty;

    public string Summary => "backs up the SQLite database, documents and key ring into Backup:Folder now";

    public bool MigratesFirst => false;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(0, 0, Name))
        {
            return ExitCodes.Usage;
        }

        BackupResult backup;
        try
        {
            backup = await context.Get<SqliteBackup>().RunAsync(context.Cancellation);
        }
        catch (BackupException e)
        {
            return context.Refused(e.Message);
        }

        var manifest = backup.Manifest;
        await context.Output.WriteLineAsync(backup.Folder);
        await context.Error.WriteLineAsync($"Backed up {manifest.Tables.Count} tables ({manifest.Tables.Values.Sum()} rows), "
            + $"{manifest.Files.Count(f => f.Path.StartsWith("documents/", StringComparison.Ordinal))} documents and "
            + $"{manifest.Files.Count(f => f.Path.StartsWith("keys/", StringComparison.Ordinal))} key ring files. {manifest.KeyRing.Note}");
        if (manifest.MissingDocuments.Count == 0)
        {
            return ExitCodes.Done;
        }

        return context.Refused($"{manifest.MissingDocuments.Count} document files the database refers to were not in the documents folder, "
            + $"so the backup lacks them (listed in its manifest), e.g. {manifest.MissingDocuments[0]}. Check Documents:Folder.");
    }
}

/// `restore BACKUP_FOLDER`: a backup into this portal's data folder, which must be empty.
internal sealed class RestoreCommand : IPortalCommand
{
    public string Name => "restore";

    public string Arguments => "BACKUP_FOLDER";

    public string Summary => "restores a SQLite backup into an empty data folder (Database:DataPath)";

    public bool MigratesFirst => false;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(1, 1, $"{Name} {Arguments}"))
        {
            return ExitCodes.Usage;
        }

        BackupManifest manifest;
        try
        {
            manifest = await context.Get<BackupRestore>().RestoreAsync(context.Arguments[0], context.Cancellation);
        }
        catch (BackupException e)
        {
            return context.Refused(e.Message);
        }

        await context.Output.WriteLineAsync($"Restored the backup of {UkDate.FormatWithTime(manifest.CreatedAtUtc)} London time (release {manifest.Release}): "
            + $"{manifest.Tables.Count} tables, {manifest.Files.Count - 1} files, every checksum and row count checked.");
        await context.Output.WriteLineAsync(manifest.KeyRing.Note);
        await context.Output.WriteLineAsync("Start the portal on this data folder: it upgrades the database if this release is newer than the backup's.");
        return ExitCodes.Done;
    }
}
