using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Reviews;

namespace Portal.Features.Reviews;

public partial class LegalChallengesSection
{
    private static readonly string[] Fields =
    [
        nameof(SaveLegalChallenge.Kind), nameof(SaveLegalChallenge.LodgedOn), nameof(SaveLegalChallenge.HearingOn), nameof(SaveLegalChallenge.OutcomeOn),
        nameof(SaveLegalChallenge.Outcome), nameof(SaveLegalChallenge.AppealOfId), nameof(SaveLegalChallenge.Note),
    ];

    private LegalChallengesView? view;
    private LegalChallengeRow? editing;
    private Model model = new();

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    /// After a save: the page reloads what shows "under challenge" elsewhere (the process panel).
    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private LegalChallengesQuery Query { get; set; } = null!;

    [Inject]
    private SaveLegalChallengeHandler Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    protected override async Task OnParametersSetAsync()
    {
        var result = await Query.HandleAsync(Actor, ReviewId);
        view = result.IsSuccess ? result.Value : null;
    }

    /// "Judicial review lodged 1 Dec 2026": how a challenge is named in the table and the appeal list.
    private string Name(long id) => view?.Challenges.FirstOrDefault(c => c.Id == id) is { } c
        ? $"{LegalChallenge.Describe(c.Kind)} lodged {UkDate.Format(c.LodgedOn)}"
        : "An earlier challenge";

    private void Edit(LegalChallengeRow row)
    {
        editing = row;
        model = new Model
        {
            Kind = row.Kind, LodgedOn = At(row.LodgedOn), HearingOn = At(row.HearingOn), OutcomeOn = At(row.OutcomeOn), Outcome = row.Outcome,
            AppealOfId = row.AppealOfId, Note = row.Note,
        };
        errors.Clear();
    }

    private void Clear()
    {
        editing = null;
        model = new Model();
        errors.Clear();
    }

    private async Task SaveAsync() => await Run.RunAsync(
        actor => Save.HandleAsync(actor, new SaveLegalChallenge(ReviewId, editing?.Id, model.Kind, On(model.LodgedOn), On(model.HearingOn), On(model.OutcomeOn),
            model.Outcome, model.AppealOfId, model.Note, editing?.Version)),
        saved => saved.UnderChallenge ? "Saved: the review is under challenge." : "Saved: the review is not under challenge.",
        async saved =>
        {
            view = saved;
            Clear();
            await Changed.InvokeAsync();
        });

    private static DateTime? At(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    private static DateOnly? On(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private sealed class Model
    {
        public LegalChallengeKind? Kind { get; set; }

        public DateTime? LodgedOn { get; set; }

        public DateTime? HearingOn { get; set; }

        public DateTime? OutcomeOn { get; set; }

        public LegalChallengeOutcome? Outcome { get; set; }

        public long? AppealOfId { get; set; }

        public string? Note { get; set; }
    }
}
