using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.EndToEnd.Tests;

/// Issue 17: circuits of idle tabs are released after Portal:IdleCircuitTimeout (12 seconds here, so
/// that no pause between the test's own steps, such as an axe run on a loaded machine, counts as idle): the portal's own
/// count of open circuits drops, and when the person comes back the page reloads, signed in still, with the text they
/// had typed and not saved put back, and works: the notification is saved with it.
[Collection(BrowserCollection.Name)]
public sealed class IdleCircuitTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly PortalFactory _portal = new(kestrel: true);

    public Task InitializeAsync()
    {
        _portal.Set("Portal:IdleCircuitTimeout", "00:00:12");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task AnIdleTab_GivesItsCircuitBack_AndOnReturnReloadsSignedIn_WithWhatWasTyped()
    {
        using var circuits = new OpenCircuitCount(_portal.Services.GetRequiredService<IMeterFactory>());
        await using var tab = await PortalPage.OpenAsync(browser, _portal);
        var page = tab.Page;
        await tab.SignInAsync(DemoAccounts.LrOfficer);
        await tab.GotoAsync("reviews/new");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register a notification", Level = 1 })).ToBeVisibleAsync();
        var label = $"Case Idle {Guid.NewGuid().ToString("N")[..6]}";
        await page.Locator("#case-label").FillAsync(label);
        await page.Locator("#summary").FillAsync("Typed before the tab was left.");
        await page.Locator("#deceased-names").FillAsync("Jane Idleperson");
        Assert.True(circuits.Open >= 1, $"{circuits.Open} circuits open");

        // Nobody touches the tab: within the timeout (and the check's half of it) its circuit is gone from the server.
        await circuits.WaitForAsync(0, TimeSpan.FromSeconds(60));

        // Back: a key pressed reloads the page, signed in still, the typed text put back into the same fields.
        await page.Keyboard.PressAsync("Shift");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await tab.WaitForInteractiveAsync();
        Assert.DoesNotContain("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.Locator("#case-label")).ToHaveValueAsync(label);
        await Assertions.Expect(page.Locator("#summary")).ToHaveValueAsync("Typed before the tab was left.");
        await Assertions.Expect(page.Locator("#deceased-names")).ToHaveValueAsync("Jane Idleperson");
        await circuits.WaitForAsync(1, TimeSpan.FromSeconds(30));
        await tab.AssertAccessibleAsync();

        // The page works on its new circuit, and the text put back is what it saves.
        await tab.ChooseAsync("notifying-agency", "Leicestershire Police");
        await page.Locator("#date-notified").FillAsync("02/10/2026");
        await page.Locator("#date-notified").PressAsync("Tab");
        await tab.ChooseAsync("death-month", "September");
        await page.Locator("#death-year").FillAsync("2026");
        await tab.ChooseAsync("lead-csp", "Rutland CSP");
        await page.Locator("#save-notification").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = label, Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#restricted-details")).ToContainTextAsync("Jane Idleperson");
        Assert.Empty(tab.ConsoleErrors);
    }

    /// The portal's own count of open circuits (Blazor's aspnetcore.components.circuit.active, the figure the
    /// metrics endpoint exports), for this portal's meters only: other tests' portals in this process have their own.
    private sealed class OpenCircuitCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _open;

        public OpenCircuitCount(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Name == "aspnetcore.components.circuit.active" && ReferenceEquals(instrument.Meter.Scope, meters))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _open, delta));
            _listener.Start();
        }

        public long Open => Interlocked.Read(ref _open);

        public async Task WaitForAsync(long expected, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (Open != expected && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            Assert.Equal(expected, Open);
        }

        public void Dispose() => _listener.Dispose();
    }
}
