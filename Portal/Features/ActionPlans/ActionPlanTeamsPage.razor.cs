using Domain.Access;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.ActionPlans;

namespace Portal.Features.ActionPlans;

public partial class ActionPlanTeamsPage
{
    private IReadOnlyList<CspActionPlanManagement> csps = [];
    private IReadOnlyList<TeamMemberView> candidates = [];
    private CspActionPlanManagement? editing;
    private bool namedTeam;
    private string? name;
    private HashSet<string> members = [];
    private string? error;

    [Inject]
    private ActionPlanTeamsHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Handler.ListAsync(Actor);
        if (!result.IsSuccess)
        {
            error = result.Error!.Message;
            return;
        }

        csps = result.Value;
        candidates = await Handler.CandidatesAsync();
    }

    private void Edit(CspActionPlanManagement csp)
    {
        editing = csp;
        namedTeam = csp.TeamName is not null;
        name = csp.TeamName;
        // A member who has since lost the role or been disabled is not offered: saving drops them.
        members = csp.Members.Select(m => m.UserId).Where(id => candidates.Any(c => c.UserId == id)).ToHashSet();
        Save.Errors.Clear();
    }

    private void Toggle(string userId, bool on)
    {
        if (on)
        {
            members.Add(userId);
        }
        else
        {
            members.Remove(userId);
        }
    }

    private async Task SaveAsync()
    {
        var csp = editing!;
        await Save.RunAsync(actor => Handler.SetAsync(actor, csp.CspId, new ActionPlanTeamInput(namedTeam, name, members.ToList())),
            done: $"Saved who manages {csp.Csp}'s action plans.", then: () =>
            {
                editing = null;
                return LoadAsync();
            });
    }
}
