using Domain;
using Domain.Access;
using Domain.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Panels;

namespace Portal.Features.Panels;

public partial class MeetingPage
{
    private static readonly string[] Shown = ["Option", "Location", "OnlineLink"];
    private readonly Dictionary<long, Availability?> answers = [];
    private MeetingView? m;
    private string? refused;
    private long? chosen;
    private string? location;
    private string? link;

    [Parameter]
    public int ReviewId { get; set; }

    [Parameter]
    public long MeetingId { get; set; }

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private MeetingQuery Query { get; set; } = default!;

    [Inject]
    private RespondToPollHandler Respond { get; set; } = default!;

    [Inject]
    private ScheduleMeetingHandler Schedule { get; set; } = default!;

    [Inject]
    private CancelMeetingHandler Cancel { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor, ReviewId, MeetingId);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + (result.Error is AccessRefused ? " This attempt has been recorded." : string.Empty);
            m = null;
            return;
        }

        m = result.Value;
        answers.Clear();
        foreach (var (optionId, availability) in m.Poll.FirstOrDefault(p => p.UserId == Actor.UserId)?.Answers ?? new Dictionary<long, Availability>())
        {
            answers[optionId] = availability;
        }

        chosen ??= MeetingPoll.Best(m.Tallies)?.OptionId;
    }

    private Availability? Answer(long optionId) => answers.TryGetValue(optionId, out var a) ? a : null;

    private async Task SaveAnswersAsync()
    {
        var given = answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.Value);
        if (given.Count == 0)
        {
            errors.Show(new Error("Choose your availability for at least one date."));
            return;
        }

        await Run.RunAsync(actor => Respond.HandleAsync(actor, MeetingId, given), "Your availability is saved.", LoadAsync);
    }

    private async Task ScheduleAsync() =>
        await Run.RunAsync(actor => Schedule.HandleAsync(actor, MeetingId, m!.Version, chosen ?? 0, new MeetingPlace(location, link)),
            "Meeting scheduled: invitations are on their way to the panel.", LoadAsync);

    private async Task CancelAsync()
    {
        if (!await PanelDialogs.ConfirmCancelAsync(Dialogs))
        {
            return;
        }

        await Run.RunAsync(actor => Cancel.HandleAsync(actor, MeetingId, m!.Version), "Meeting cancelled.", LoadAsync);
    }
}
