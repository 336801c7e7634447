using Microsoft.AspNetCore.Components;
using Workflows.Themes;

namespace Portal.Features.Themes;

public partial class ReviewLearningSection
{
    private ReviewLearning? data;
    private bool editing;
    private HashSet<int> chosen = [];
    private string? themesError;
    private string? updateText;
    private string? updateError;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Inject]
    private ReviewThemesHandler Handler { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Handler.GetAsync(await Actors.GetAsync(), ReviewId);
        data = result.IsSuccess ? result.Value : null;
    }

    // Active themes, plus any deactivated one already on the review (it may stay).
    private IEnumerable<ThemeOption> Choices() =>
        data!.Available.Concat(data.Tagged.Where(t => data.Available.All(a => a.Id != t.Id)));

    private void StartEditing()
    {
        chosen = data!.Tagged.Select(t => t.Id).ToHashSet();
        themesError = null;
        editing = true;
    }

    private void Toggle(int id, bool on)
    {
        if (on)
        {
            chosen.Add(id);
        }
        else
        {
            chosen.Remove(id);
        }
    }

    private async Task SaveThemesAsync()
    {
        var result = await Handler.SetThemesAsync(await Actors.GetAsync(), ReviewId, chosen);
        if (!result.IsSuccess)
        {
            themesError = result.Error!.Message;
            return;
        }

        editing = false;
        await LoadAsync();
    }

    private async Task AddUpdateAsync()
    {
        var result = await Handler.AddUpdateAsync(await Actors.GetAsync(), ReviewId, updateText);
        if (!result.IsSuccess)
        {
            updateError = result.Error is Domain.ValidationFailed v ? v.Errors[0].Message : result.Error!.Message;
            return;
        }

        updateError = null;
        updateText = null;
        await LoadAsync();
    }
}
