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
}
