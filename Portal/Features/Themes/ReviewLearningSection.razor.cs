using Domain.Calendar;
using Domain.Access;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Themes;
using Workflows.Time;

namespace Portal.Features.Themes;

public partial class ReviewLearningSection
{
    private ReviewLearning? data;
    private bool editing;
    private HashSet<int> chosen = [];
    private static readonly string[] UpdateFields = ["Text", "AsAt"];
    private string? updateText;
    private DateTime? updateAsAt;

    [Parameter, EditorRequired]
    public int ReviewId { get; set; }

    [Inject]
    private ReviewThemesHandler Handler { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner SaveThemes { get; set; } = null!;

    [Inject]
    private CommandRunner AddUpdate { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Handler.GetAsync(Actor, ReviewId);
        data = result.IsSuccess ? result.Value : null;
        updateAsAt ??= Today;
    }

    /// "As at 3 Nov 2026, recorded 6 Dec 2026 14:05 by ...": the date the update describes, then when it was typed.
    private static string Recorded(CaseUpdateView u) =>
        $"As at {UkDate.Format(u.AsAt)}, recorded {UkDate.FormatWithTime(u.RecordedAtUtc)} by {u.By}{(u.IsImported ? " (imported)" : string.Empty)}";

    // Active themes, plus any deactivated one already on the review (it may stay).
    private IEnumerable<ThemeOption> Choices() =>
        data!.Available.Concat(data.Tagged.Where(t => data.Available.All(a => a.Id != t.Id)));

    private void StartEditing()
    {
        chosen = data!.Tagged.Select(t => t.Id).ToHashSet();
        SaveThemes.Errors.Clear();
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

    private async Task SaveThemesAsync() => await SaveThemes.RunAsync(actor => Handler.SetThemesAsync(actor, ReviewId, chosen), then: () =>
    {
        editing = false;
        return LoadAsync();
    });

    private async Task AddUpdateAsync() => await AddUpdate.RunAsync(actor => Handler.AddUpdateAsync(actor, ReviewId, updateText, updateAsAt is { } d ? DateOnly.FromDateTime(d) : null), then: () =>
    {
        updateText = null;
        updateAsAt = Today;
        return LoadAsync();
    });
}
