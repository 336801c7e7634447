using Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Portal.Commands;

/// `migrate`: creates or upgrades the database and exits, for a deployment that upgrades before it starts the new
/// version's processes. Not required: every process does the same on start, one at a time.
internal sealed class MigrateCommand : IPortalCommand
{
    public string Name => "migrate";

    public string Arguments => string.Empty;

    public string Summary => "creates or upgrades the database, then exits";

    public bool MigratesFirst => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(0, 0, Name))
        {
            return ExitCodes.Usage;
        }

        await using var scope = context.Get<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReviewDb>();
        var applied = await db.Database.GetAppliedMigrationsAsync(context.Cancellation);
        await context.Output.WriteLineAsync($"The database is up to date: {applied.Count()} migrations applied, the latest {applied.LastOrDefault()}.");
        return ExitCodes.Done;
    }
}
