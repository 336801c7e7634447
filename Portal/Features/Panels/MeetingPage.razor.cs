using Domain;
using Domain.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Panels;

namespace Portal.Features.Panels;

public partial class MeetingPage
{
    private static readonly string[] Shown = ["Option", "Location", "OnlineLink"];
    private readonly ServerErrors errors = new();
    private readonly Dictionary<long, Availability?> answers = [];
    private MeetingView? m;
    private string? refused;
    private long? chosen;
    private string? location;
    private string? link;
    private bool saving;

    [Parameter]
    public int ReviewId { get; set; }

    [Parameter]
    public long MeetingId { get; set; }

    [Inject]
    private CurrentActor Actors { get; set; } = default!;

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
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(await Actors.GetAsync(), ReviewId, MeetingId);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + (result.Error is AccessRefused ? " This attempt has been recorded." : string.Empty);
            m = null;
            return;
        }

        m = result.Value;
        answers.Clear();
        foreach (var (optionId, availability) in m.Poll.FirstOrDefault(p => p.UserId == MyUserId)?.Answers ?? new Dictionary<long, Availability>())
        {
            answers[optionId] = availability;
        }

        chosen ??= MeetingPoll.Best(m.Tallies)?.OptionId;
    }

    private string? MyUserId { get; set; }

    protected override async Task OnInitializedAsync() => MyUserId = (await Actors.GetAsync()).UserId;

    private Availability? Answer(long optionId) => answers.TryGetValue(optionId, out var a) ? a : null;

    private void ShowError(Error? error) => errors.Show(error);

    private async Task SaveAnswersAsync()
    {
        var given = answers.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!.Value);
        if (given.Count == 0)
        {
            errors.Show(new Error("Choose your availability for at least one date."));
            return;
        }

        saving = true;
        var result = await Respond.HandleAsync(await Actors.GetAsync(), MeetingId, given);
        saving = false;
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            Snackbar.Add("Your availability is saved.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ScheduleAsync()
    {
        saving = true;
        var result = await Schedule.HandleAsync(await Actors.GetAsync(), MeetingId, m!.Version, chosen ?? 0, new MeetingPlace(location, link));
        saving = false;
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            Snackbar.Add("Meeting scheduled: invitations are on their way to the panel.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task CancelAsync()
    {
        if (!await PanelDialogs.ConfirmCancelAsync(Dialogs))
        {
            return;
        }

        var result = await Cancel.HandleAsync(await Actors.GetAsync(), MeetingId, m!.Version);
        errors.Show(result.Error);
        if (result.IsSuccess)
        {
            Snackbar.Add("Meeting cancelled.", Severity.Success);
            await LoadAsync();
        }
    }
}
