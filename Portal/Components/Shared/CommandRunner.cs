using Domain;
using Domain.Access;
using MudBlazor;

namespace Portal.Components.Shared;

/// Runs a page's or form's commands as the signed-in person, one at a time: a second click while one runs does nothing
/// (each form's idempotency key covers a second request). A refusal stays in Errors for the form (beside the fields
/// it names, the rest in an ErrorSummary) and loses nothing typed; on success a snackbar says what was done and the
/// page reloads what it shows. Inject one per form: each keeps its own errors.
public sealed class CommandRunner(CurrentActor actors, ISnackbar snackbar)
{
    public bool Busy { get; private set; }

    public ServerErrors Errors { get; } = new();

    /// A command that answers with an error or nothing.
    public Task<bool> RunAsync(Func<Actor, Task<Error?>> command, string? done = null, Func<Task>? then = null) =>
        RunAsync(async actor => await command(actor) is { } error ? Result<bool>.Fail(error) : Result<bool>.Ok(true), done, then);

    /// A command that answers with a result; `done` is the snackbar's message on success.
    public Task<bool> RunAsync<T>(Func<Actor, Task<Result<T>>> command, string? done = null, Func<Task>? then = null) =>
        RunAsync(command, _ => done, then is null ? null : _ => then());

    /// A command whose message on success, and what follows it, depend on its result.
    public async Task<bool> RunAsync<T>(Func<Actor, Task<Result<T>>> command, Func<T, string?> done, Func<T, Task>? then = null)
    {
        if (Busy)
        {
            return false;
        }

        Busy = true;
        Errors.Clear();
        try
        {
            var result = await command(await actors.GetAsync());
            if (!result.IsSuccess)
            {
                Errors.Show(result.Error);
                return false;
            }

            if (done(result.Value) is { } message)
            {
                snackbar.Add(message, Severity.Success);
            }

            if (then is not null)
            {
                await then(result.Value);
            }

            return true;
        }
        finally
        {
            Busy = false;
        }
    }
}
