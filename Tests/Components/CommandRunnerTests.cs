using Domain;
using Domain.Access;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Components.Shared;
using Portal.Testing;

namespace Portal.Components.Tests;

public sealed class CommandRunnerTests : ComponentContext
{
    private CommandRunner Runner() => Services.GetRequiredService<CommandRunner>();

    private IEnumerable<string?> Said() => Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message);

    [Fact]
    public async Task RunAsync_RunsAsTheSignedInPerson_SaysWhatWasDone_ThenReloads()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var runner = Runner();
        Actor? ranAs = null;
        var reloaded = false;

        var done = await runner.RunAsync(actor =>
        {
            ranAs = actor;
            return Task.FromResult(Result<int>.Ok(7));
        }, "Saved.", () =>
        {
            reloaded = true;
            return Task.CompletedTask;
        });

        Assert.True(done);
        Assert.Equal((await Portal.ActorAsync(DemoAccounts.LrOfficer)).UserId, ranAs!.UserId);
        Assert.Contains("Saved.", Said());
        Assert.True(reloaded);
        Assert.False(runner.Errors.Any);
    }

    [Fact]
    public async Task RunAsync_Refused_KeepsTheErrorsForTheForm_NeitherSaysNorReloads()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var runner = Runner();
        var reloaded = false;

        var done = await runner.RunAsync(_ => Task.FromResult(Result<int>.Fail(new ValidationFailed([new Error("Enter the date.", "Date")]))), "Saved.", () =>
        {
            reloaded = true;
            return Task.CompletedTask;
        });

        Assert.False(done);
        Assert.Equal("Enter the date.", runner.Errors.For("Date"));
        Assert.DoesNotContain("Saved.", Said());
        Assert.False(reloaded);
        Assert.False(runner.Busy);
    }

    [Fact]
    public async Task RunAsync_WhileOneIsRunning_ASecondClickDoesNothing()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var runner = Runner();
        var release = new TaskCompletionSource<Result<int>>();
        var runs = 0;

        var first = runner.RunAsync(_ =>
        {
            runs++;
            return release.Task;
        });
        Assert.True(runner.Busy);
        var second = await runner.RunAsync(_ =>
        {
            runs++;
            return Task.FromResult(Result<int>.Ok(2));
        });
        release.SetResult(1);

        Assert.False(second);
        Assert.True(await first);
        Assert.Equal(1, runs);
        Assert.False(runner.Busy);
    }

    [Fact]
    public async Task RunAsync_ANewCommand_ClearsTheLastOnesErrors()
    {
        await SignInAsync(DemoAccounts.LrOfficer);
        var runner = Runner();
        await runner.RunAsync(_ => Task.FromResult<Error?>(new Error("Not allowed.")));
        Assert.Equal(["Not allowed."], runner.Errors.All);

        Assert.True(await runner.RunAsync(_ => Task.FromResult<Error?>(null), "Done."));

        Assert.False(runner.Errors.Any);
    }
}
