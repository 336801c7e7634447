using System.Globalization;
using System.Text.RegularExpressions;

namespace Domain;

/// Amounts of money in pounds, as people type them ("£12,500", "12500.50", "1 234") and as the portal shows them
/// ("£12,500", "£12,500.50"). Kept as whole pence (long): SQLite cannot sum or compare decimals in SQL, and pence
/// never round. One rule for every amount: fees, quotes, rates, contributions, costs and reserves.
public static partial class Money
{
    /// A hundred million pounds: far above any budget line, low enough to catch a slip of the keyboard.
    public const long MaxPence = 10_000_000_000;

    // Pounds with thousands grouped by commas or by spaces (one kind in one amount), or not grouped; then any decimals,
    // so that "12.505" can be told apart from what is not money at all.
    [GeneratedRegex(@"^(?<minus>-)?\s*£?\s*(?<minus2>-)?(?<whole>\d{1,3}(?<sep>[, ])\d{3}(\k<sep>\d{3})*|\d+)(\.(?<fraction>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Amount();

    /// Whether a number of pence is an amount the portal accepts: not negative and at most MaxPence. What the parsers
    /// apply to typed text, and what checks amounts that arrive already in pence (a trigger's fee).
    public static bool IsAmount(long pence) => pence is >= 0 and <= MaxPence;

    /// Parses a non-negative amount in pounds with at most two decimal places, up to MaxPence.
    public static bool TryParsePence(string? text, out long pence) => Read(text, out pence) == Problem.None;

    /// Parses a required amount; `what` names it in the message ("your quote", "the amount"). Null when it is money;
    /// otherwise the error for the field, saying what was wrong.
    public static Error? Parse(string? text, string field, string what, out long pence) => Read(text, out pence) switch
    {
        Problem.None => null,
        Problem.Missing => new Error($"Enter {what} in pounds, for example £12,500.", field),
        Problem.Negative => new Error($"{Capitalise(what)} cannot be negative.", field),
        Problem.FractionOfAPenny => new Error($"Enter {what} to the nearest penny (at most two decimal places).", field),
        Problem.TooLarge => new Error($"{Capitalise(what)} is more than {Format(MaxPence)}: check the amount.", field),
        _ => new Error($"\"{text!.Trim()}\" is not an amount of money: enter {what} in pounds, for example £12,500 or 12500.50.", field),
    };

    /// "£12,500" for whole pounds, "£12,500.50" otherwise; "-£20" below zero (a reserve can be overspent).
    public static string Format(long pence)
    {
        var pounds = Math.Abs((decimal)pence) / 100m;
        return (pence < 0 ? "-£" : "£") + pounds.ToString(pence % 100 == 0 ? "#,##0" : "#,##0.00", CultureInfo.InvariantCulture);
    }

    public static string Format(long? pence, string none = "Not recorded") => pence is long p ? Format(p) : none;

    /// What to put back into a text field: "12500" or "12500.50".
    public static string ForInput(long pence) => pence % 100 == 0
        ? (pence / 100).ToString(CultureInfo.InvariantCulture)
        : (pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private enum Problem
    {
        None,
        Missing,
        NotMoney,
        Negative,
        FractionOfAPenny,
        TooLarge,
    }

    private static Problem Read(string? text, out long pence)
    {
        pence = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem.Missing;
        }

        var match = Amount().Match(text.Trim());
        if (!match.Success)
        {
            return Problem.NotMoney;
        }

        if (match.Groups["minus"].Success || match.Groups["minus2"].Success)
        {
            return Problem.Negative;
        }

        var fraction = match.Groups["fraction"].Value;
        if (fraction.Length > 2)
        {
            return Problem.FractionOfAPenny;
        }

        var whole = match.Groups["whole"].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).TrimStart('0');
        if (whole.Length > 9)
        {
            return Problem.TooLarge;
        }

        var pounds = whole.Length == 0 ? 0 : long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        pence = pounds * 100 + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        if (!IsAmount(pence))
        {
            pence = 0;
            return Problem.TooLarge;
        }

        return Problem.None;
    }

    private static string Capitalise(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
