using Domain.Conduct;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Conduct;
using Workflows.Time;

namespace Portal.Features.Conduct;

public partial class TermsPart
{
    private static readonly string[] Fields =
    [
        nameof(TermsInput.Text), nameof(TermsInput.AgreedOn), nameof(TermsInput.FamilyInvited), nameof(TermsInput.FamilyContributed),
        nameof(TermsInput.FamilyAsked), nameof(TermsInput.NotInvitedReason), nameof(TermsInput.ChangeReason),
    ];

    private string? text;
    private DateTime? agreedOn;
    private bool? familyInvited;
    private bool? familyContributed;
    private string? familyAsked;
    private string? notInvitedReason;
    private string? changeReason;

    [Parameter, EditorRequired]
    public ConductView View { get; set; } = null!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private RecordTermsOfReferenceHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    private static string YesNo(bool? value) => value switch { true => "Yes", false => "No", _ => string.Empty };

    private static string Family(TermsVersionView t) => (t.FamilyInvited, t.FamilyContributed) switch
    {
        (false, _) => $"not invited because {t.NotInvitedReason}",
        (true, true) => $"invited and contributed; asked the review to cover: {t.FamilyAsked}",
        (true, false) => "invited; did not contribute",
        _ => "invited",
    };

    private async Task SaveAsync() => await Save.RunAsync(
        actor => Handler.HandleAsync(actor, new RecordTermsOfReference(View.ReviewId,
            new TermsInput(text, agreedOn is { } d ? DateOnly.FromDateTime(d) : null, familyInvited, familyContributed, familyAsked, notInvitedReason,
                changeReason), View.Terms.Count == 0 ? 0 : View.Terms[0].Number)),
        number => $"Version {number} of the terms of reference recorded.", _ =>
        {
            (text, agreedOn, familyInvited, familyContributed, familyAsked, notInvitedReason, changeReason) = (null, null, null, null, null, null, null);
            return Changed.InvokeAsync();
        });
}
