using Domain.Conduct;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Conduct;
using Workflows.Time;

namespace Portal.Features.Conduct;

public partial class InterviewsPart
{
    private static readonly string[] Fields =
    [
        nameof(InterviewInput.Interviewee), nameof(InterviewInput.Group), nameof(InterviewInput.HeldOn), nameof(InterviewInput.Kind),
        nameof(InterviewInput.Consent), nameof(InterviewInput.NotSoughtReason), nameof(InterviewInput.ConductedBy),
    ];

    private string? interviewee;
    private IntervieweeGroup? group;
    private DateTime? heldOn;
    private InterviewKind? kind;
    private InterviewConsent? consent;
    private string? notSoughtReason;
    private InterviewConductor? conductedBy;

    [Parameter, EditorRequired]
    public ConductView View { get; set; } = null!;

    /// Reloads the section at the given page of the log (1: the newest interviews).
    [Parameter]
    public EventCallback<int> PageChanged { get; set; }

    [Inject]
    private RecordInterviewHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    private async Task SaveAsync() => await Save.RunAsync(
        actor => Handler.HandleAsync(actor, new RecordInterview(View.ReviewId, new InterviewInput(interviewee, group,
            heldOn is { } d ? DateOnly.FromDateTime(d) : null, kind, consent, notSoughtReason, conductedBy))),
        "Interview recorded.", () =>
        {
            (interviewee, group, heldOn, kind, consent, notSoughtReason, conductedBy) = (null, null, null, null, null, null, null);
            return PageChanged.InvokeAsync(1);
        });
}
