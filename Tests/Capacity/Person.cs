using Microsoft.Playwright;
using Portal.Testing;

namespace Portal.Capacity;

/// One signed-in person with a live page (an interactive circuit), working the queues and review pages in a loop:
/// team queue, sort it, my work, the register, a review from it; a few seconds' thought between steps.
internal sealed class Person(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// The steps that failed, each with the first line of what Playwright said (kept for the run's report).
    public List<string> Failures { get; } = [];

    public static async Task<string> SignInAsync(IBrowser browser, string address, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(PortalFactory.DemoPasswordForTests);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        return await context.StorageStateAsync();
    }

    public static async Task<Person> OpenAsync(IBrowser browser, string address, string state)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address, StorageState = state, Locale = "en-GB" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("work/team");
        await page.Locator("main[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        return new Person(context, page);
    }

    public async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await StepAsync();
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Failures.Add(string.Join(" ", e.Message.Split('\n').Take(3)));
                try
                {
                    await page.GotoAsync("work/team");
                }
                catch (Exception again) when (again is PlaywrightException or TimeoutException)
                {
                    Failures.Add("starting again at the team queue: " + again.Message.Split('\n')[0]);
                }
            }

            try
            {
                await Task.Delay(Random.Shared.Next(2000, 5000), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// One round: every click is handled on the server over the circuit (enhanced navigation, sorting). The review is
    /// opened from the register, which every account here sees full: a team queue can be empty (the LR manager's has
    /// no unclaimed task of theirs), and waiting for a link in it failed one step a minute for that person.
    public async Task StepAsync()
    {
        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "Team queue" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Team queue", Level = 1 }).WaitForAsync();
        await page.Locator("#work-queue tbody tr").First.WaitForAsync();
        await page.Locator("#work-queue thead th .sortable-column-header").First.ClickAsync();
        await page.Locator("#work-queue tbody tr").First.WaitForAsync();
        await page.Locator("#nav-work").GetByRole(AriaRole.Link, new() { Name = "My work" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "My work", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Review register" }).First.ClickAsync();
        await page.Locator("#review-register tbody tr a").First.ClickAsync();
        await page.Locator("#process-stage").WaitForAsync();
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
