using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Testing;

/// The built portal (Portal.dll, in the configuration the tests were built in: Debug locally, Release in scripts/test.sh)
/// run as its own operating-system process, as it is deployed: to start it as a server, or to run one of its commands.
/// Settings are configuration keys ("Database:Provider"), passed as environment variables.
public sealed partial class PortalProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// Everything it wrote so far (standard output and error), for a failing test's message.
    public string Output => string.Join(Environment.NewLine, _lines);

    /// Whether it exited within the time, with all it wrote read into Output: WaitForExit with a timeout can return
    /// before the last redirected lines are read (a refusal's one line was seen missing once under load); the
    /// parameterless WaitForExit waits for the streams to end.
    public bool ExitsWithin(TimeSpan time)
    {
        if (!Process.WaitForExit(time))
        {
            return false;
        }

        Process.WaitForExit();
        return true;
    }

    /// The folder holding Portal.dll.
    public static string BinFolder
    {
        get
        {
            var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/')));
            return Path.Combine(TestPaths.RepositoryRoot, "Portal", "bin", configuration!, "net10.0");
        }
    }

    /// Production (the environment of a plain `dotnet Portal.dll`) requires Email:PortalBaseUrl (links in these tests'
    /// emails need not lead anywhere) and a key ring protected at rest (ProductionSettings): these throwaway data
    /// folders are said to be.
    private const string PortalBaseUrl = "http://127.0.0.1:5000";

    /// SIGKILL: no shutdown, nothing flushed, as when the machine loses power.
    public async Task KillAsync()
    {
        Process.Kill();
        await Process.WaitForExitAsync();
    }

    /// Starts the portal as a server on a free loopback port (Urls http://127.0.0.1:0); ServerAddressAsync says which.
    /// Arguments are those of its command line (e.g. --demo).
    public static PortalProcess StartServer(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var all = new Dictionary<string, string>(settings)
        {
            ["Urls"] = "http://127.0.0.1:0",
            // The address it listens on is logged by the host's lifetime logger.
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        };
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        all.TryAdd("Email:PortalBaseUrl", PortalBaseUrl);
        all.TryAdd("DataProtection:KeyRingProtectedElsewhere", "true");
        return new PortalProcess(Process.Start(Info(arguments, all))!);
    }

    /// Runs a command (`admin create ...`) to its end: its exit code, standard output and standard error.
    public static Task<CommandRun> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] arguments)
    {
        var all = new Dictionary<string, string>(settings);
        all.TryAdd("Logging:LogLevel:Default", "Warning");
        all.TryAdd("Email:PortalBaseUrl", PortalBaseUrl);
        return CommandRun.OfAsync(Info(arguments, all));
    }

    /// The root address it listens on ("http://127.0.0.1:41235/"), once it has started; fails if it exits first.
    public async Task<string> ServerAddressAsync(TimeSpan? within = null)
    {
        var exited = Process.WaitForExitAsync();
        var done = await Task.WhenAny(_address.Task, exited, Task.Delay(within ?? TimeSpan.FromMinutes(2)));
        return done == _address.Task
            ? await _address.Task
            : throw new InvalidOperationException(
                (done == exited ? $"The portal exited ({Process.ExitCode}) before it listened." : "The portal did not start listening in time.")
                + Environment.NewLine + Output);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        if (Listening().Match(line) is { Success: true } match)
        {
            _address.TrySetResult(match.Groups["url"].Value.TrimEnd('/') + "/");
        }
    }

    private static ProcessStartInfo Info(string[] arguments, IReadOnlyDictionary<string, string> settings)
    {
        var bin = BinFolder;
        var info = new ProcessStartInfo("dotnet", [Path.Combine(bin, "Portal.dll"), .. arguments])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return info;
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex Listening();
}

/// A command's exit code and what it wrote.
public sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// Runs a program to its end (three minutes at most), reading what it writes.
    public static async Task<CommandRun> OfAsync(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CommandRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exit code {ExitCode}\nout: {Output}\nerr: {Error}");
}
