using Domain.Reviews;

namespace Domain.Themes;

/// The briefing for professionals on one review (issue 18): summary, themes, recommendations and questions for reflection,
/// pre-filled from what the portal holds and edited by the lead office before use. Until first saved a review has no row:
/// the page and the .docx show the pre-filled draft. The texts may hold case details before publication, so each is
/// protected at rest (AtRest); no real names are ever written into it by the portal (case label and pseudonym only).
public sealed class ReviewBriefing
{
    public const int SummaryMaxLength = 4000;
    public const int ThemesMaxLength = 2000;
    public const int RecommendationsMaxLength = 8000;
    public const int QuestionsMaxLength = 2000;

    public int ReviewId { get; set; }

    public string? Summary { get; set; }

    /// One theme a line.
    public string? Themes { get; set; }

    /// One recommendation a line.
    public string? Recommendations { get; set; }

    /// One question a line.
    public string? Questions { get; set; }

    /// Optimistic concurrency: incremented by each save, checked against the version the editor loaded.
    public int Version { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public required string UpdatedByUserId { get; set; }
}

/// The texts of a briefing as the editor holds them.
public sealed record BriefingTexts(string? Summary, string? Themes, string? Recommendations, string? Questions);

/// One recommendation as the briefing lists it.
public sealed record BriefingRecommendation(int Number, string Level, string AddressedTo, string Text);

public static class BriefingRules
{
    /// A briefing shares the learning of a finished report: it may be written from CRG sign-off (the report and its
    /// recommendations are final and the action plan starts), while the report goes to the Home Office, is published and
    /// its actions are monitored, and after the review closes. Usually it is used once the report is published.
    public static readonly IReadOnlySet<Stage> Stages = new HashSet<Stage>
    {
        Stage.CrgSignOff, Stage.Submitted, Stage.QaAmendments, Stage.Publication, Stage.ActionPlanMonitoring, Stage.Closed,
    };

    public const string TooEarly = "A briefing is written from the final report: the review must have been signed off by the CRG.";

    /// A review held from a stage counts as at that stage.
    public static bool MayWrite(Stage stage, Stage? heldFrom) => Stages.Contains(stage == Stage.OnHold ? heldFrom ?? stage : stage);

    /// The draft the portal writes from what it holds: no summary and no questions (the office writes those), the review's
    /// themes one a line, and its recommendations one a line ("R1 (Single agency: Leicestershire Police): ...").
    public static BriefingTexts Prefill(IEnumerable<string> themes, IEnumerable<BriefingRecommendation> recommendations) => new(
        null,
        Lines(themes),
        Lines(recommendations.OrderBy(r => r.Number).Select(Describe)),
        null);

    public static string Describe(BriefingRecommendation r) =>
        $"R{r.Number} ({r.Level}{(string.IsNullOrWhiteSpace(r.AddressedTo) ? string.Empty : ": " + r.AddressedTo)}): {r.Text.ReplaceLineEndings(" ").Trim()}";

    /// Each text trimmed (line ends made "\n", blank lines at either end dropped; empty: null) and within its limit.
    public static (BriefingTexts Texts, IReadOnlyList<Error> Errors) Check(BriefingTexts input)
    {
        var errors = new List<Error>();
        var texts = new BriefingTexts(
            Clean(input.Summary, ReviewBriefing.SummaryMaxLength, nameof(BriefingTexts.Summary), "summary", errors),
            Clean(input.Themes, ReviewBriefing.ThemesMaxLength, nameof(BriefingTexts.Themes), "themes", errors),
            Clean(input.Recommendations, ReviewBriefing.RecommendationsMaxLength, nameof(BriefingTexts.Recommendations), "recommendations", errors),
            Clean(input.Questions, ReviewBriefing.QuestionsMaxLength, nameof(BriefingTexts.Questions), "questions for reflection", errors));
        if (texts.Summary is null)
        {
            errors.Add(new Error("Write a short summary of the review for professionals (no names: the case label or pseudonym only).",
                nameof(BriefingTexts.Summary)));
        }

        return (texts, errors);
    }

    /// The lines of a text, blank ones left out.
    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string? Lines(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        return text.Length == 0 ? null : text;
    }

    private static string? Clean(string? text, int max, string field, string what, List<Error> errors)
    {
        var cleaned = text?.ReplaceLineEndings("\n").Trim();
        if (string.IsNullOrEmpty(cleaned))
        {
            return null;
        }

        if (cleaned.Length > max)
        {
            errors.Add(new Error($"The {what} must be {max:N0} characters or fewer (now {cleaned.Length:N0}): shorten it.", field));
        }

        return cleaned;
    }
}
