namespace Domain.Budget;

/// The pooled budget of one review office: where its ledger starts (the first financial year and the reserve it
/// opened with, entered once) and how many reviews a year it expects (for the forecast). Every later year's opening
/// reserve is the previous year's closing reserve, computed, never entered.
public sealed class PooledBudget
{
    public int Id { get; set; }

    public int OfficeId { get; set; }

    public int FirstYearStart { get; set; }

    public long FirstYearOpeningReservePence { get; set; }

    public int ExpectedReviewsPerYear { get; set; }

    public int Version { get; set; }
}

/// A partner's contribution agreed for a financial year: a CSP or agency of the portal, or a partner named in free text
/// (e.g. the county council or the Police and Crime Commissioner).
public sealed class BudgetContribution
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int FinancialYearStart { get; set; }

    public int? PartnerOrganisationId { get; set; }

    public string? PartnerName { get; set; }

    public long AmountPence { get; set; }

    public DateOnly? InvoicedOn { get; set; }

    public DateOnly? PaidOn { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public int Version { get; set; }

    public const int PartnerNameMaxLength = 200;
}

public enum CostKind
{
    /// The independent chair/author's fee (from the appointment's agreed fee).
    ChairAuthorFee,
    Expenses,
    LegalCosts,
    /// The review office's recharge for its staff time (not tied to one review).
    Recharge,
}

/// A cost paid from the pooled budget, dated and assigned to the financial year of its date. Every kind but the
/// office's recharge belongs to one review.
public sealed class BudgetCost
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int? ReviewId { get; set; }

    public CostKind Kind { get; set; }

    public long AmountPence { get; set; }

    public DateOnly On { get; set; }

    public int FinancialYearStart { get; set; }

    /// The appointment whose agreed fee this is (chair/author fees).
    public long? AuthorAppointmentId { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public int Version { get; set; }

    public const int DescriptionMaxLength = 200;

    public static string Describe(CostKind kind) => kind switch
    {
        CostKind.ChairAuthorFee => "Chair/author fees",
        CostKind.Expenses => "Expenses",
        CostKind.LegalCosts => "Legal costs",
        CostKind.Recharge => "Office recharge",
        _ => kind.ToString(),
    };
}
