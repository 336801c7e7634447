using Domain.Access;
using Domain.Profiles;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Profiles;

namespace Portal.Features.Profiles;

/// A review's case profile with the criteria check beside it. The query and the handler check access and audit.
public partial class CaseProfilePage
{
    private static readonly string[] YesNo = [ProfileRules.YesValue, ProfileRules.NoValue];

    private readonly Dictionary<int, string?> values = [];
    private CaseProfileView? view;
    private string? refused;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private CaseProfileQuery Query { get; set; } = null!;

    [Inject]
    private SaveCaseProfileHandler Handler { get; set; } = null!;

    [Inject]
    private CommandRunner Save { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    private string[] FieldNames => view?.Answers.Select(a => ProfileRules.FieldName(a.Field.Id)).ToArray() ?? [];

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "Not recorded" : value;

    private string Text(int fieldId) => values.GetValueOrDefault(fieldId) ?? string.Empty;

    private bool ReadOnly(ProfileField field) => !view!.CanEdit || !field.IsActive;

    private bool Chosen(int fieldId, string choice) => ProfileRules.SplitLines(values.GetValueOrDefault(fieldId)).Contains(choice);

    private void Choose(int fieldId, string choice, bool on)
    {
        var chosen = ProfileRules.SplitLines(values.GetValueOrDefault(fieldId)).Where(c => c != choice).ToList();
        if (on)
        {
            chosen.Add(choice);
        }

        values[fieldId] = string.Join('\n', chosen);
    }

    protected override async Task OnParametersSetAsync()
    {
        // Audited once per view: the prerender pass loads (and records) nothing.
        if (RendererInfo.IsInteractive)
        {
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        var result = await Query.HandleAsync(Actor, Id);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            view = null;
            return;
        }

        view = result.Value;
        values.Clear();
        foreach (var answer in view.Answers)
        {
            values[answer.Field.Id] = answer.Value;
        }
    }

    private async Task SaveAsync() => await Save.RunAsync(actor => Handler.HandleAsync(actor, new SaveCaseProfile(Id, new Dictionary<int, string?>(values))),
        saved => saved.Changed.Count == 0 ? "Nothing had changed." : "Case profile saved.", _ => ReloadAsync());
}
