using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Drafts;
using Workflows.Time;

namespace Portal.Features.Drafts;

public partial class DraftCard
{
    [Parameter, EditorRequired]
    public DraftRow Draft { get; set; } = null!;

    [Parameter, EditorRequired]
    public DraftsView View { get; set; } = null!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private AddDraftCommentHandler Comments { get; set; } = null!;

    [Inject]
    private CloseCommentRoundHandler Close { get; set; } = null!;

    [Inject]
    private ChangeCommentDeadlineHandler Deadline { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private readonly ServerErrors errors = new();
    private string? text;
    private string? reference;
    private DateTime? deadline;
    private bool busy;

    private DateOnly Today => Clock.Today;

    protected override void OnParametersSet() => deadline = Draft.CommentsDue.ToDateTime(TimeOnly.MinValue);

    private Task CommentAsync() => RunAsync(async actor =>
    {
        var result = await Comments.HandleAsync(actor, new NewDraftComment(Draft.Id, text, reference));
        if (result.IsSuccess)
        {
            (text, reference) = (null, null);
            Snackbar.Add($"Your comment on draft {Draft.Number} is saved.", Severity.Success);
        }

        return result.Error;
    });

    private async Task CloseAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Close the comment round on draft {Draft.Number}?",
            $"Panel members will no longer be able to comment on draft {Draft.Number}, even before its deadline. This cannot be undone.",
            yesText: "Close the round", cancelText: "Keep it open");
        if (confirmed != true)
        {
            return;
        }

        await RunAsync(async actor =>
        {
            var result = await Close.HandleAsync(actor, Draft.Id);
            if (result.IsSuccess)
            {
                Snackbar.Add($"The comment round on draft {Draft.Number} is closed.", Severity.Success);
            }

            return result.Error;
        });
    }

    private Task ChangeDeadlineAsync() => RunAsync(async actor =>
    {
        var due = deadline is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        var result = await Deadline.HandleAsync(actor, Draft.Id, due);
        if (result.IsSuccess)
        {
            Snackbar.Add($"Comments on draft {Draft.Number} are now due by {UkDate.Format(result.Value)}.", Severity.Success);
        }

        return result.Error;
    });

    /// Runs one command; on success the page reloads the drafts, on failure the messages stay beside the fields.
    private async Task RunAsync(Func<Domain.Access.Actor, Task<Domain.Error?>> command)
    {
        if (busy)
        {
            return;
        }

        busy = true;
        errors.Clear();
        try
        {
            var error = await command(await Actors.GetAsync());
            errors.Show(error);
            if (error is null)
            {
                await Changed.InvokeAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }
}
