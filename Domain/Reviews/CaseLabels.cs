namespace Domain.Reviews;

public static class CaseLabels
{
    public static string Normalise(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// The first free label of the form "Case X yyyy": A to Z, then AA, AB, ...
    public static string Suggest(int year, IEnumerable<string> labelsInUse)
    {
        var used = labelsInUse.Select(Normalise).ToHashSet();
        for (var n = 0; ; n++)
        {
            var candidate = $"Case {Letters(n)} {year}";
            if (!used.Contains(Normalise(candidate)))
            {
                return candidate;
            }
        }
    }

    /// 0 -> A, 25 -> Z, 26 -> AA, like spreadsheet columns.
    public static string Letters(int n)
    {
        var s = string.Empty;
        for (n++; n > 0; n = (n - 1) / 26)
        {
            s = (char)('A' + ((n - 1) % 26)) + s;
        }

        return s;
    }

    public static string Reference(string officeCode, int year, int sequence) => $"{officeCode}-{year}-{sequence:000}";

    /// What every reference of an office code's year starts with ("LR-2025-").
    public static string ReferencePrefix(string officeCode, int year) => $"{officeCode}-{year}-";

    /// The next reference of an office code's year: one after the highest already taken (LR-2025-010 -> LR-2025-011).
    public static string NextReference(string officeCode, int year, IEnumerable<string> taken)
    {
        var prefix = ReferencePrefix(officeCode, year);
        var last = taken.Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), out var s) ? s : 0)
            .DefaultIfEmpty(0).Max();
        return Reference(officeCode, year, last + 1);
    }

    /// "case label|reference", lower-cased: one column that search and label uniqueness use on both providers.
    public static string SearchText(string caseLabel, string reference) => Normalise(caseLabel) + "|" + reference.ToLowerInvariant();
}
