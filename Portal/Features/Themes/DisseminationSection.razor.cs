using Domain.Access;
using Domain.Themes;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Themes;
using Workflows.Time;

namespace Portal.Features.Themes;

public partial class DisseminationSection
{
    private static readonly string[] Fields = ["Kind", "Audience", "HeldOn", "Attendance"];

    private DisseminationLogView? data;
    private DisseminationKind? kind;
    private string? audience;
    private DateTime? heldOn;
    private int? attendance;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    /// What the form starts with (the briefing page logs briefings).
    [Parameter]
    public DisseminationKind? Preset { get; set; }

    [Inject]
    private DisseminationLogHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Add { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        kind ??= Preset;
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Handler.GetAsync(Actor, ReviewId);
        data = result.IsSuccess ? result.Value : null;
    }

    private async Task AddAsync() => await Add.RunAsync(
        actor => Handler.AddAsync(actor, ReviewId, new DisseminationInput(kind, audience, heldOn is { } d ? DateOnly.FromDateTime(d) : null, attendance)),
        "Recorded.", () =>
        {
            (kind, audience, heldOn, attendance) = (Preset, null, null, null);
            return LoadAsync();
        });
}
