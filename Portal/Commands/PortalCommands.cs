using Infrastructure.Data;
using Infrastructure.Seeding;
using Microsoft.Extensions.Logging.Console;

namespace Portal.Commands;

/// The portal's commands: `dotnet run --project Portal -- admin create you@council.gov.uk` (or `dotnet Portal.dll ...`
/// where it is deployed). A command runs with the portal's own configuration (appsettings.json, environment variables,
/// and any `--Key value` after the command's arguments) and services, does its work and exits without starting the web
/// server. Its output goes to standard output, messages and logs to standard error, and the exit code says how it
/// went (ExitCodes). To add a command: write a class implementing IPortalCommand and list it in All.
public static class PortalCommands
{
    public static IReadOnlyList<IPortalCommand> All { get; } =
    [
        new MigrateCommand(),
        new AdminCreateCommand(),
        new AdminListCommand(),
        new AdminEnableCommand(),
        new AdminApproveCommand(),
        new BackupCommand(),
        new RestoreCommand(),
        new VersionCommand(),
    ];

    /// Splits the command line: the command's words and arguments come first, settings (`--Key value`) after them.
    /// No leading words: the web server starts, with every argument as a setting.
    public static ParsedCommandLine Parse(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToList();
        var settings = args.Skip(words.Count).ToArray();
        if (words.Count == 0)
        {
            return new ParsedCommandLine(null, [], settings);
        }

        var command = All.Where(c => c.Name.Split(' ') is var name && words.Take(name.Length).SequenceEqual(name, StringComparer.OrdinalIgnoreCase))
            .MaxBy(c => c.Name.Length);
        return command is null
            ? new ParsedCommandLine(new HelpCommand(words), [], settings)
            : new ParsedCommandLine(command, words.Skip(command.Name.Split(' ').Length).ToList(), settings);
    }

    /// A command's messages and logs go to standard error, so that standard output is the command's result alone.
    public static void ConfigureFor(this WebApplicationBuilder builder, ParsedCommandLine commandLine)
    {
        if (commandLine.Command is not null)
        {
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }

    public static async Task<int> RunAsync(this WebApplication app, ParsedCommandLine commandLine)
    {
        var command = commandLine.Command!;
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            if (command.MigratesFirst)
            {
                await using var scope = app.Services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync(cancel.Token) is { } demo)
                {
                    // Standard output is the command's result alone.
                    DemoAnnouncement.Write(Console.Error, demo);
                }
            }

            return await command.RunAsync(new CommandContext(app.Services, command.Name, commandLine.Arguments, Console.Out, Console.Error, cancel.Token));
        }
        catch (StartRefusedException refused)
        {
            await Console.Error.WriteLineAsync($"{command.Name} refused: {refused.Message}");
            return ExitCodes.Refused;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            app.Services.GetRequiredService<ILogger<IPortalCommand>>().LogError(e, "The command {Command} failed", command.Name);
            await Console.Error.WriteLineAsync($"{command.Name} failed: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// Usage, for `help` and for words that name no command.
    public static string Usage() =>
        "Usage: dotnet Portal.dll [COMMAND [ARGUMENTS]] [--Key value ...]" + Environment.NewLine
        + "Without a command the portal starts. Commands:" + Environment.NewLine
        + string.Concat(All.Select(c => $"  {(c.Name + " " + c.Arguments).Trim(),-26} {c.Summary}{Environment.NewLine}"))
        + $"  {"help",-26} lists the commands{Environment.NewLine}"
        + "Exit codes: 0 done, 1 refused (the message says why), 2 wrong usage, 3 failed (see the log).";
}

public sealed record ParsedCommandLine(IPortalCommand? Command, IReadOnlyList<string> Arguments, string[] Settings);

/// What a command returns to the shell. Scripts may rely on these.
public static class ExitCodes
{
    public const int Done = 0;

    /// The command was understood but refused, e.g. `admin create` where administrators exist.
    public const int Refused = 1;

    /// Unknown command, or missing or extra arguments.
    public const int Usage = 2;

    /// An unexpected failure (the database unreachable, a disk full): the log says what.
    public const int Failed = 3;
}

public interface IPortalCommand
{
    /// The words that name it, e.g. "admin create".
    string Name { get; }

    /// Its arguments as the usage shows them, e.g. "EMAIL [NAME]".
    string Arguments { get; }

    string Summary { get; }

    /// Creates or migrates the database first, as the portal does on start.
    bool MigratesFirst { get; }

    Task<int> RunAsync(CommandContext context);
}

public sealed class CommandContext(IServiceProvider services, string name, IReadOnlyList<string> arguments, TextWriter output, TextWriter error,
    CancellationToken cancellation)
{
    public IReadOnlyList<string> Arguments { get; } = arguments;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public CancellationToken Cancellation { get; } = cancellation;

    /// Who acts, for handlers and the audit trail: the person at the server's shell, as an administrator.
    public Domain.Access.Actor Actor { get; } = Workflows.Admin.CommandLineActor.Create(name);

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// The arguments, when there are between min and max of them; otherwise says what is expected.
    public bool TryArguments(int min, int max, string usage)
    {
        if (Arguments.Count >= min && Arguments.Count <= max)
        {
            return true;
        }

        Error.WriteLine($"Usage: dotnet Portal.dll {usage}");
        return false;
    }

    public int Refused(string message)
    {
        Error.WriteLine(message);
        return ExitCodes.Refused;
    }
}

/// `help`, and any words that name no command.
internal sealed class HelpCommand(IReadOnlyList<string> words) : IPortalCommand
{
    public string Name => "help";

    public string Arguments => string.Empty;

    public string Summary => "lists the commands";

    public bool MigratesFirst => false;

    public async Task<int> RunAsync(CommandContext context)
    {
        var asked = words is ["help"];
        if (!asked)
        {
            await context.Error.WriteLineAsync($"Unknown command: {string.Join(' ', words)}");
        }

        await (asked ? context.Output : context.Error).WriteLineAsync(PortalCommands.Usage());
        return asked ? ExitCodes.Done : ExitCodes.Usage;
    }
}
