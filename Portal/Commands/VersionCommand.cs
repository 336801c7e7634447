using Infrastructure.Backups;

namespace Portal.Commands;

/// `version`: the release (version and commit), as backups record it. scripts/postgres-backup.sh asks for it.
internal sealed class VersionCommand : IPortalCommand
{
    public string Name => "version";

    public string Arguments => string.Empty;

    public string Summary => "prints the release (version and commit)";

    public bool MigratesFirst => false;

    public async Task<int> RunAsync(CommandContext context)
    {
        await context.Output.WriteLineAsync(BackupManifest.CurrentRelease);
        return ExitCodes.Done;
    }
}
