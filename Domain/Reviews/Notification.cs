namespace Domain.Reviews;

/// What an officer enters to register a notified death.
public sealed record Notification(
    ReviewType Type,
    bool JointWithSar,
    bool JointWithCspr,
    bool IsAlternativeReview,
    int? LeadCspId,
    IReadOnlyCollection<int> OtherCspIds,
    int? NotifyingAgencyId,
    DateOnly? DateNotified,
    int? DeathYear,
    int? DeathMonth,
    int NumberOfDeceased,
    string? CaseLabel,
    string? DeceasedNames,
    string? PerpetratorNames,
    string? Summary)
{
    public const int SummaryMaxLength = 2000;
    public const int NamesMaxLength = 400;
    public const int CaseLabelMaxLength = 40;

    /// Field rules that need no database; the handler adds uniqueness and organisation checks.
    public IReadOnlyList<Error> Validate(DateOnly today)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(new Error(message, field));

        if (LeadCspId is null)
        {
            Add(nameof(LeadCspId), "Choose the lead CSP.");
        }
        else if (OtherCspIds.Contains(LeadCspId.Value))
        {
            Add(nameof(OtherCspIds), "The lead CSP is already involved: remove it from the other CSPs.");
        }

        if (NotifyingAgencyId is null)
        {
            Add(nameof(NotifyingAgencyId), "Choose the agency that notified the death.");
        }

        if (DateNotified is null)
        {
            Add(nameof(DateNotified), "Enter the date the death was notified.");
        }
        else if (DateNotified > today)
        {
            Add(nameof(DateNotified), "The date notified cannot be in the future.");
        }

        if (DeathYear is null || DeathMonth is null)
        {
            Add(nameof(DeathMonth), "Enter the month and year of death.");
        }
        else if (DeathMonth is < 1 or > 12 || DeathYear is < 2011 or > 9999)
        {
            Add(nameof(DeathMonth), "Enter a month from 1 to 12 and a year from 2011 (when reviews began).");
        }
        else
        {
            var deathMonthStart = new DateOnly(DeathYear.Value, DeathMonth.Value, 1);
            if (deathMonthStart > new DateOnly(today.Year, today.Month, 1))
            {
                Add(nameof(DeathMonth), "The month of death cannot be in the future.");
            }
            else if (DateNotified is not null && DateNotified < deathMonthStart)
            {
                Add(nameof(DateNotified), "The death cannot be notified before the month in which it happened: check both dates.");
            }
        }

        if (NumberOfDeceased is < 1 or > 20)
        {
            Add(nameof(NumberOfDeceased), "Enter the number of people who died (at least 1).");
        }

        var label = CaseLabel?.Trim();
        if (string.IsNullOrEmpty(label))
        {
            Add(nameof(CaseLabel), "Enter a case label, e.g. \"Case Q 2025\", or use the suggested one.");
        }
        else if (label.Length > CaseLabelMaxLength)
        {
            Add(nameof(CaseLabel), $"The case label must be {CaseLabelMaxLength} characters or fewer.");
        }

        if (Summary?.Length > SummaryMaxLength)
        {
            Add(nameof(Summary), $"The summary must be {SummaryMaxLength} characters or fewer: keep detail for the review itself.");
        }

        if (DeceasedNames?.Length > NamesMaxLength || PerpetratorNames?.Length > NamesMaxLength)
        {
            Add(nameof(DeceasedNames), $"Names must be {NamesMaxLength} characters or fewer.");
        }

        return errors;
    }
}
