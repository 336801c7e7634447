using Domain.Access;
using Domain.Panels;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Panels;

namespace Portal.Features.Panels;

public partial class PanelPage
{
    private PanelView? panel;
    private IReadOnlyList<PanelCandidate>? candidates;
    private string? refused;
    private string? newMember;
    private PanelRole newRole = PanelRole.AgencyRepresentative;

    [Parameter]
    public int ReviewId { get; set; }

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private PanelQuery Query { get; set; } = default!;

    [Inject]
    private PanelCandidatesQuery Candidates { get; set; } = default!;

    [Inject]
    private AddPanelMemberHandler Add { get; set; } = default!;

    [Inject]
    private RemovePanelMemberHandler Remove { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private CommandRunner Run { get; set; } = default!;

    private ServerErrors memberErrors => Run.Errors;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // Audited once per view: the prerender pass loads nothing.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor, ReviewId);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            panel = null;
            return;
        }

        panel = result.Value;
        candidates = panel.CanManage && (await Candidates.HandleAsync(Actor, ReviewId)) is { IsSuccess: true } c ? c.Value : null;
    }

    private void SuggestRole()
    {
        if (candidates?.FirstOrDefault(c => c.UserId == newMember) is { } c)
        {
            newRole = c.SuggestedRole;
        }
    }

    private async Task AddAsync() => await Run.RunAsync(actor => Add.HandleAsync(actor, ReviewId, newMember, newRole), "Added to the panel.", () =>
    {
        newMember = null;
        return LoadAsync();
    });

    private async Task RemoveAsync(PanelMemberRow member)
    {
        if (await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
            {
                Title = $"Remove {member.Name} from the panel?",
                Message = "They lose access to this panel's pages and drafts at once. You can add them again later.",
                YesText = "Remove from panel",
                CancelText = "Cancel",
            }) != true)
        {
            return;
        }

        await Run.RunAsync(actor => Remove.HandleAsync(actor, ReviewId, member.ParticipantId), $"{member.Name} removed from the panel.", LoadAsync);
    }

    private void OnProposedAsync(long meetingId) => Navigation.NavigateTo($"panels/{ReviewId}/meetings/{meetingId}");
}
