namespace Domain.ActionPlans;

/// Who a recommendation is for (issue 6): one agency, several agencies, the CSP as a whole, or a national body.
public enum RecommendationLevel
{
    SingleAgency,
    MultiAgency,
    Csp,
    National,
}

/// A recommendation of a review's final report, recorded by the lead office from PanelAndReport onwards.
/// Its actions (PlanAction) make up the review's action plan.
public sealed class Recommendation
{
    public const int TextMaxLength = 2000;
    public const int BodyMaxLength = 200;

    public int Id { get; set; }

    /// The review whose report made it, or null for a learning source's recommendation: exactly one is set (Plan).
    public int? ReviewId { get; set; }

    public int? LearningSourceId { get; set; }

    /// The review or learning source whose plan it is; setting it sets both ids (the one-of-two rule, PlanOf).
    public PlanOf Plan
    {
        get => PlanOf.Of(ReviewId, LearningSourceId);
        set => (ReviewId, LearningSourceId) = (value.ReviewId, value.LearningSourceId);
    }

    /// 1, 2, 3 ... within the review: "R2" on the page.
    public int Number { get; set; }

    public required string Text { get; set; }

    public RecommendationLevel Level { get; set; }

    /// The agency it is addressed to (single and multi-agency: the lead agency); null for CSP-wide and national ones.
    public int? AddressedToAgencyId { get; set; }

    /// A national body named in words (e.g. "Home Office"), for national recommendations.
    public string? AddressedToBody { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public List<RecommendationTheme> Themes { get; set; } = [];

    public static string Describe(RecommendationLevel level) => level switch
    {
        RecommendationLevel.SingleAgency => "Single agency",
        RecommendationLevel.MultiAgency => "Multi-agency",
        RecommendationLevel.Csp => "CSP-wide",
        RecommendationLevel.National => "National",
        _ => level.ToString(),
    };

    /// Field rules (the handler checks the agency exists).
    public static IReadOnlyList<Error> Validate(string? text, RecommendationLevel? level, int? agencyId, string? body)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new Error("Enter the recommendation as the report words it.", nameof(Text)));
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            errors.Add(new Error($"The recommendation must be {TextMaxLength} characters or fewer.", nameof(Text)));
        }

        switch (level)
        {
            case null:
                errors.Add(new Error("Choose the level of the recommendation.", nameof(Level)));
                break;
            case RecommendationLevel.SingleAgency or RecommendationLevel.MultiAgency when agencyId is null:
                errors.Add(new Error("Choose the agency the recommendation is addressed to.", nameof(AddressedToAgencyId)));
                break;
            case RecommendationLevel.National when string.IsNullOrWhiteSpace(body):
                errors.Add(new Error("Name the national body the recommendation is addressed to, e.g. Home Office.", nameof(AddressedToBody)));
                break;
        }

        if (body?.Trim().Length > BodyMaxLength)
        {
            errors.Add(new Error($"The national body's name must be {BodyMaxLength} characters or fewer.", nameof(AddressedToBody)));
        }

        return errors;
    }
}

/// A recommendation tagged with a learning theme (Domain.Themes.Theme).
public sealed class RecommendationTheme
{
    public int RecommendationId { get; set; }

    public int ThemeId { get; set; }
}
