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

    /// To one decimal place: boards plan on 2.5 reviews a year.
    public decimal ExpectedReviewsPerYear { get; set; }

    /// The forecast's scenario: a pay award on the office's staffing, in per cent (two decimal places).
    public decimal PayAwardPercent { get; set; }

    /// The forecast's scenario: partners' cash contributions changed by this rate, in per cent (negative: a cut).
    public decimal ContributionChangePercent { get; set; }

    public int Version { get; set; }
}

/// A partner's contribution agreed for a financial year: a CSP or agency of the portal, or a partner named in free text
/// (e.g. the county council or the Police and Crime Commissioner). Cash, or given in kind (staff time, rooms) and valued,
/// which the statement shows apart from cash. Its state follows from its dates (ContributionStates.Of).
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

    /// Given in kind, valued at AmountPence: not cash, never invoiced or paid.
    public bool InKind { get; set; }

    /// What an in-kind contribution gives, e.g. "20 days of an analyst's time".
    public string? Description { get; set; }

    /// Agreed but not called for this year (e.g. the reserve covered it): not income.
    public bool NotDrawnDown { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public required string CreatedByUserId { get; set; }

    public int Version { get; set; }

    public const int PartnerNameMaxLength = 200;

    public const int DescriptionMaxLength = 200;
}

public enum ContributionState
{
    Agreed,
    Invoiced,
    Paid,
    /// Paid before the financial year it is for began (a year early).
    PaidInAdvance,
    NotDrawnDown,
}

public static class ContributionStates
{
    /// One rule: not drawn down if so marked; paid (in advance when before the year began), invoiced, or only agreed.
    public static ContributionState Of(FinancialYear year, DateOnly? invoicedOn, DateOnly? paidOn, bool notDrawnDown) =>
        notDrawnDown ? ContributionState.NotDrawnDown
        : paidOn is DateOnly paid ? (paid < year.Start ? ContributionState.PaidInAdvance : ContributionState.Paid)
        : invoicedOn is not null ? ContributionState.Invoiced
        : ContributionState.Agreed;

    public static string Describe(ContributionState state) => state switch
    {
        ContributionState.Agreed => "Agreed",
        ContributionState.Invoiced => "Invoiced",
        ContributionState.Paid => "Paid",
        ContributionState.PaidInAdvance => "Paid in advance",
        ContributionState.NotDrawnDown => "Not drawn down",
        _ => state.ToString(),
    };
}

public enum CostKind
{
    /// The independent chair/author's fee (from the appointment's agreed fee).
    ChairAuthorFee,
    Expenses,
    LegalCosts,
    /// The review office's recharge for its staff time (not tied to one review).
    Recharge,
    /// Learning events and training (not tied to one review).
    Learning,
    /// Meetings of the partnership about reviews in general: room hire, catering (not tied to one review).
    Meetings,
}

/// A cost paid from the pooled budget, dated and assigned to the financial year of its date. Fees, expenses and legal
/// costs belong to one review; the recharge, learning and meetings to none (CostKinds.BelongsToReview).
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
        CostKind.Learning => "Learning events and training",
        CostKind.Meetings => "Meetings",
        _ => kind.ToString(),
    };
}

/// The heads a year's budget is planned under, as board papers set them out.
public enum BudgetLineKind
{
    OfficeStaffing,
    ChairsAndAuthors,
    Legal,
    Learning,
    Meetings,
}

/// What an office plans to spend under one head in one financial year (at most one line per head and year).
public sealed class BudgetLine
{
    public long Id { get; set; }

    public int OfficeId { get; set; }

    public int FinancialYearStart { get; set; }

    public BudgetLineKind Kind { get; set; }

    public long AmountPence { get; set; }

    public int Version { get; set; }
}

/// How costs and budget lines meet: one rule for which head a cost counts against and which costs belong to a review.
public static class CostKinds
{
    /// Fees, expenses and legal costs are a review's; the recharge, learning and meetings are the partnership's.
    public static bool BelongsToReview(CostKind kind) => kind is CostKind.ChairAuthorFee or CostKind.Expenses or CostKind.LegalCosts;

    /// The head a cost counts against. A review's expenses (the chair's travel, room hire for its panel) count with
    /// the chairs and authors: that head budgets for running the reviews themselves.
    public static BudgetLineKind LineOf(CostKind kind) => kind switch
    {
        CostKind.Recharge => BudgetLineKind.OfficeStaffing,
        CostKind.ChairAuthorFee or CostKind.Expenses => BudgetLineKind.ChairsAndAuthors,
        CostKind.LegalCosts => BudgetLineKind.Legal,
        CostKind.Learning => BudgetLineKind.Learning,
        CostKind.Meetings => BudgetLineKind.Meetings,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Describe(BudgetLineKind kind) => kind switch
    {
        BudgetLineKind.OfficeStaffing => "Office staffing",
        BudgetLineKind.ChairsAndAuthors => "Chairs and authors",
        BudgetLineKind.Legal => "Legal",
        BudgetLineKind.Learning => "Learning",
        BudgetLineKind.Meetings => "Meetings",
        _ => kind.ToString(),
    };

    /// What a head holds, in words for the page.
    public static string Holds(BudgetLineKind kind) => string.Join(", ",
        Enum.GetValues<CostKind>().Where(k => LineOf(k) == kind).Select(k => BudgetCost.Describe(k).ToLowerInvariant()));
}
