namespace Domain.ActionPlans;

/// What kind of learning a learning source is (issue 18): boards track actions from more than reviews.
public enum LearningSourceKind
{
    AppreciativeInquiry,
    ThematicReview,
    LearningReview,
    RegionalPlan,
    Other,
}

/// Learning that is not a review (an appreciative inquiry, a thematic review, a learning review, a regional plan) whose
/// recommendations and actions a board tracks alongside its reviews' (issue 18, item 3). It belongs to one CSP; its
/// office is the review office that serves that CSP (taken when recorded, moved with the CSP). Its action plan is a
/// review's action plan in every other way: the same recommendations, actions, re-plans, updates, sign-off and impact
/// reviews (PlanAction.Plan names the one or the other). Pages and emails name it by its reference ("LS-12");
/// its title shows where a review's case label shows, so it must not name a person.
public sealed class LearningSource
{
    public const int TitleMaxLength = 200;

    public int Id { get; set; }

    public LearningSourceKind Kind { get; set; }

    public required string Title { get; set; }

    /// The day it was agreed or published (entered, a London date, not in the future): the fact. No action of its plan
    /// may be agreed before it.
    public DateOnly AgreedOn { get; set; }

    public int CspId { get; set; }

    /// The review office serving the CSP: its review officers manage the plan, as for the reviews the CSP leads.
    public int OfficeId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    /// Optimistic concurrency, incremented by the application on every change.
    public int Version { get; set; }

    public string Reference => ReferenceFor(Id);

    /// How pages, the audit and emails name a learning source: never its title.
    public static string ReferenceFor(int id) => ReferencePrefix + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// The reference's prefix, for queries that build it in the database (ReferencePrefix + Id).
    public const string ReferencePrefix = "LS-";

    public static string Describe(LearningSourceKind kind) => kind switch
    {
        LearningSourceKind.AppreciativeInquiry => "Appreciative inquiry",
        LearningSourceKind.ThematicReview => "Thematic review",
        LearningSourceKind.LearningReview => "Learning review",
        LearningSourceKind.RegionalPlan => "Regional plan",
        _ => "Other learning",
    };

    /// Field rules (the handler checks that the CSP is one the actor's office serves).
    public static IReadOnlyList<Error> Validate(LearningSourceKind? kind, string? title, DateOnly? agreedOn, int? cspId, DateOnly today)
    {
        var errors = new List<Error>();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new Error("Choose what kind of learning it is.", nameof(Kind)));
        }

        var trimmed = title?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(new Error("Enter the title, e.g. Thematic review of older victims 2025 (no names).", nameof(Title)));
        }
        else if (trimmed.Length > TitleMaxLength)
        {
            errors.Add(new Error($"The title must be {TitleMaxLength} characters or fewer.", nameof(Title)));
        }

        if (agreedOn is not DateOnly on)
        {
            errors.Add(new Error("Enter the date it was agreed or published.", nameof(AgreedOn)));
        }
        else if (on > today)
        {
            errors.Add(new Error("The date it was agreed or published cannot be in the future.", nameof(AgreedOn)));
        }

        if (cspId is null)
        {
            errors.Add(new Error("Choose the CSP it belongs to.", nameof(CspId)));
        }

        return errors;
    }
}

/// Whose action plan a recommendation or an action belongs to: a review's or a learning source's, exactly one of the two.
public readonly record struct PlanOf
{
    private PlanOf(int? reviewId, int? learningSourceId)
    {
        ReviewId = reviewId;
        LearningSourceId = learningSourceId;
    }

    public int? ReviewId { get; }

    public int? LearningSourceId { get; }

    public bool IsReview => ReviewId is not null;

    public static PlanOf Review(int reviewId) => new(reviewId, null);

    public static PlanOf Source(int learningSourceId) => new(null, learningSourceId);

    /// The one-of-two rule: a plan is a review's or a learning source's, never both, never neither.
    public static PlanOf Of(int? reviewId, int? learningSourceId) => (reviewId, learningSourceId) switch
    {
        (int review, null) => Review(review),
        (null, int source) => Source(source),
        _ => throw new InvalidOperationException("An action plan belongs to exactly one review or one learning source."),
    };

    public override string ToString() => ReviewId is int review ? $"review {review}" : $"learning source {LearningSourceId}";
}
