using System.Globalization;

namespace Domain.Budget;

/// A financial year, April to March (DOMAIN.md: contributions per financial year), named as board papers do: "2026/27".
public readonly record struct FinancialYear(int StartYear) : IComparable<FinancialYear>
{
    public static FinancialYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public DateOnly Start => new(StartYear, 4, 1);

    public DateOnly End => new(StartYear + 1, 3, 31);

    public FinancialYear Previous => new(StartYear - 1);

    public FinancialYear Next => new(StartYear + 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;

    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;

    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;

    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}/{(StartYear + 1) % 100:00}");
}
