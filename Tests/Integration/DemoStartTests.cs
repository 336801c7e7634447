using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Testing;

namespace Portal.Integration.Tests;

/// The demo data set only when asked for, with a password of its own shown once on the console and never in the log,
/// and never in the Production environment (issue 13, finding 3). The built portal runs as its own process, as a
/// person runs it from the README.
public sealed partial class DemoStartTests : IDisposable
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("portal-demo-").FullName;

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    /// Logging at Information, so that a log line holding the password would show in the output.
    private Dictionary<string, string> Settings(string? environment = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataPath"] = _dataPath,
            ["Jobs:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
            // What the Production environment asks for besides (ProductionSettings), so that its starts reach the demo check.
            ["Email:Transport"] = "Smtp",
            ["DataProtection:KeyRingProtectedElsewhere"] = "true",
        };
        if (environment is not null)
        {
            settings["ASPNETCORE_ENVIRONMENT"] = environment;
        }

        return settings;
    }

    [Fact]
    public async Task Demo_AskedFor_GetsANewPasswordShownOnceOnTheConsole_ThenAProductionStartIsRefused()
    {
        string password;
        using (var first = PortalProcess.StartServer(Settings(), "--demo"))
        {
            var address = await first.ServerAddressAsync();
            var shown = DemoPassword().Match(first.Output);
            Assert.True(shown.Success, first.Output);
            password = shown.Groups["password"].Value;
            Assert.NotEqual(PortalFactory.DemoPasswordForTests, password);
            Assert.Single(first.Output.Split(Environment.NewLine), line => line.Contains(password, StringComparison.Ordinal));
            Assert.Contains("admin@example.org", first.Output, StringComparison.Ordinal);

            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
            using var signIn = await client.PostFormAsync("/Account/Login", new() { ["Input.Email"] = "admin@example.org", ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var again = PortalProcess.StartServer(Settings(), "--demo"))
        {
            await again.ServerAddressAsync();
            Assert.DoesNotMatch(DemoPassword(), again.Output);
            Assert.DoesNotContain(password, again.Output, StringComparison.Ordinal);
        }

        using var production = PortalProcess.StartServer(Settings());
        Assert.True(production.ExitsWithin(TimeSpan.FromMinutes(2)), production.Output);
        Assert.Equal(1, production.Process.ExitCode);
        Assert.Contains("This database holds the demo accounts", production.Output, StringComparison.Ordinal);

        // The portal's commands run on the same configuration: they are refused too.
        var command = await PortalProcess.RunAsync(Settings(), "admin", "list");
        Assert.True(command.ExitCode == 1 && command.Error.Contains("This database holds the demo accounts", StringComparison.Ordinal), command.ToString());
    }

    [Fact]
    public async Task Production_WithDemoDataAskedFor_RefusesToStartAndSeedsNothing_AndWithoutItNothingIsSeeded()
    {
        var settings = Settings();
        settings["Seed:DemoData"] = "true";
        using (var production = PortalProcess.StartServer(settings))
        {
            Assert.True(production.ExitsWithin(TimeSpan.FromMinutes(2)), production.Output);
            Assert.Equal(1, production.Process.ExitCode);
            Assert.Contains("refused in the Production environment", production.Output, StringComparison.Ordinal);
        }

        using (var plain = PortalProcess.StartServer(Settings("Development")))
        {
            await plain.ServerAddressAsync();
            Assert.DoesNotMatch(DemoPassword(), plain.Output);
        }

        await using var portal = new PortalFactory(demoData: false, dataPath: _dataPath);
        Assert.Equal(0, await portal.WithDbAsync(db => db.Users.CountAsync()));
    }

    [GeneratedRegex(@"Password of every demo account: (?<password>\S+)")]
    private static partial Regex DemoPassword();
}
