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
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private ServerErrors errors => Run.Errors;
    private string? text;
    private string? reference;
    private DateTime? deadline;

    private DateOnly Today => Clock.Today;

    protected override void OnParametersSet() => deadline = Draft.CommentsDue.ToDateTime(TimeOnly.MinValue);

    private async Task CommentAsync()
    {
        if (await Run.RunAsync(actor => Comments.HandleAsync(actor, new NewDraftComment(Draft.Id, text, reference)), $"Your comment on draft {Draft.Number} is saved."))
        {
            (text, reference) = (null, null);
            await Changed.InvokeAsync();
        }
    }

    private async Task CloseAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync($"Close the comment round on draft {Draft.Number}?",
            $"Panel members will no longer be able to comment on draft {Draft.Number}, even before its deadline. This cannot be undone.",
            yesText: "Close the round", cancelText: "Keep it open");
        if (confirmed != true)
        {
            return;
        }

        await Run.RunAsync(actor => Close.HandleAsync(actor, Draft.Id), $"The comment round on draft {Draft.Number} is closed.", () => Changed.InvokeAsync());
    }

    private async Task ChangeDeadlineAsync()
    {
        var due = deadline is DateTime d ? DateOnly.FromDateTime(d) : (DateOnly?)null;
        await Run.RunAsync(actor => Deadline.HandleAsync(actor, Draft.Id, due),
            changed => $"Comments on draft {Draft.Number} are now due by {UkDate.Format(changed)}.", _ => Changed.InvokeAsync());
    }
}
