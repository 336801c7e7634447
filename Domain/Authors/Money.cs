using System.Globalization;
using System.Text.RegularExpressions;

namespace Domain.Authors;

/// Amounts of money in pounds as people type them ("£12,500", "12500.00", "12,500.5") and as the portal shows them.
/// Stored as whole pence: SQLite cannot compare or order decimals.
public static partial class Money
{
    /// Ten million pounds: far above any fee, low enough to catch a slip of the keyboard.
    public const long MaxPence = 1_000_000_000;

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    [GeneratedRegex(@"^£?\s*(?<whole>\d{1,3}(,\d{3})+|\d+)(\.(?<pence>\d{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    /// Parses a non-negative amount in pounds with at most two decimal places; commas only between groups of three digits.
    public static bool TryParsePence(string? text, out long pence)
    {
        pence = 0;
        var match = Amount().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var whole = match.Groups["whole"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (whole.Length > 8 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var pounds))
        {
            return false;
        }

        var fraction = match.Groups["pence"].Value.PadRight(2, '0');
        pence = pounds * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction, CultureInfo.InvariantCulture));
        return pence <= MaxPence;
    }

    /// Parses a required amount: an Error for the field when it is missing or not an amount of money.
    public static Error? Parse(string? text, string field, string what, out long pence)
    {
        pence = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error($"Enter {what} in pounds, for example £12,500.", field);
        }

        return TryParsePence(text, out pence)
            ? null
            : new Error($"Enter {what} as an amount of money in pounds, for example £12,500 or 12500.00 (no more than £10,000,000).", field);
    }

    /// "£12,500" for whole pounds, "£12,500.50" otherwise.
    public static string Format(long pence) => pence % 100 == 0
        ? (pence / 100m).ToString("£#,##0", Uk)
        : (pence / 100m).ToString("£#,##0.00", Uk);

    public static string Format(long? pence, string none = "Not recorded") => pence is long p ? Format(p) : none;

    /// What to put back into a text field: "12500" or "12500.50".
    public static string ForInput(long pence) => pence % 100 == 0
        ? (pence / 100).ToString(CultureInfo.InvariantCulture)
        : (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
