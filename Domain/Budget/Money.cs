using System.Globalization;

namespace Domain.Budget;

/// Money is held as whole pence (long): SQLite cannot sum or compare decimals in SQL, and pence never round.
public static class Money
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// "£1,234.56", "-£20.00".
    public static string Format(long pence) =>
        (pence < 0 ? "-" : string.Empty) + "£" + (Math.Abs((decimal)pence) / 100m).ToString("#,##0.00", Uk);

    /// Reads what a person typed ("1234.5", "£1,234.56", "1 234"): the pence, or the message to show beside the field.
    /// Negative amounts and fractions of a penny are refused.
    public static bool TryParsePence(string? text, out long pence, out string? error)
    {
        pence = 0;
        error = null;
        var t = (text ?? string.Empty).Trim().Replace("£", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            error = "Enter the amount in pounds, for example 2500 or 2,500.00.";
            return false;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pounds))
        {
            error = $"\"{text!.Trim()}\" is not an amount of money: enter pounds and pence, for example 2,500.00.";
            return false;
        }

        if (pounds < 0)
        {
            error = "The amount cannot be negative.";
            return false;
        }

        if (decimal.Round(pounds, 2) != pounds)
        {
            error = "Enter the amount to the nearest penny (at most two decimal places).";
            return false;
        }

        if (pounds > 100_000_000m)
        {
            error = "The amount is too large: check it.";
            return false;
        }

        pence = (long)(pounds * 100m);
        return true;
    }

    /// For a form field: 250000 -> "2500.00".
    public static string ToInput(long pence) => ((decimal)pence / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
