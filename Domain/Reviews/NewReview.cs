namespace Domain.Reviews;

/// What a new review is made of, whether an officer registers the notification or the import brings it from an
/// office's tracker: the one place a Review is created. The engine then starts its process.
public sealed record NewReview(
    string CaseLabel, ReviewType Type, int LeadCspId, int LeadOfficeId, int NotifyingAgencyId, DateOnly DateNotified, int DeathYear, int DeathMonth)
{
    public bool JointWithSar { get; init; }

    public bool JointWithCspr { get; init; }

    public bool IsAlternativeReview { get; init; }

    public int NumberOfDeceased { get; init; } = 1;

    public string? Summary { get; init; }

    public IReadOnlyCollection<int> OtherCspIds { get; init; } = [];

    /// Real names as stored: the caller protects them at rest first (Workflows.Data.AtRest), so they never reach the row in plain.
    public string? DeceasedNames { get; init; }

    public string? PerpetratorNames { get; init; }

    /// The review at its first stage, with its reference; real names, if any, in their restricted row.
    public Review Create(string reference, string createdByUserId, DateTime nowUtc) => new()
    {
        Reference = reference,
        CaseLabel = CaseLabel,
        CaseLabelKey = CaseLabels.Normalise(CaseLabel),
        SearchText = CaseLabels.SearchText(CaseLabel, reference),
        Type = Type,
        JointWithSar = JointWithSar,
        JointWithCspr = JointWithCspr,
        IsAlternativeReview = IsAlternativeReview,
        LeadCspId = LeadCspId,
        LeadOfficeId = LeadOfficeId,
        NotifyingAgencyId = NotifyingAgencyId,
        DateNotified = DateNotified,
        NotificationYear = DateNotified.Year,
        DeathYear = DeathYear,
        DeathMonth = DeathMonth,
        NumberOfDeceased = NumberOfDeceased,
        Summary = Summary?.Trim() ?? string.Empty,
        Stage = Stage.NotificationReceived,
        CreatedAtUtc = nowUtc,
        CreatedByUserId = createdByUserId,
        InvolvedCsps = OtherCspIds.Distinct().Select(id => new ReviewCsp { CspId = id }).ToList(),
        Restricted = string.IsNullOrWhiteSpace(DeceasedNames) && string.IsNullOrWhiteSpace(PerpetratorNames)
            ? null
            : new RestrictedDetails { DeceasedNames = DeceasedNames?.Trim(), PerpetratorNames = PerpetratorNames?.Trim() },
    };
}
