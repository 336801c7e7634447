using System.Globalization;
using System.Text.RegularExpressions;

namespace Domain.Budget;

/// The reviews an office expects a year, as boards plan them: a number from 0 to 100 to one decimal place ("2.5").
public static partial class ExpectedReviews
{
    public const decimal Max = 100m;

    [GeneratedRegex(@"^\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// Null when the text is such a number; otherwise the error for the field, saying what was wrong.
    public static Error? Parse(string? text, string field, out decimal reviews)
    {
        reviews = 0;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!Number().IsMatch(trimmed) || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return new Error("Enter the number of reviews expected a year, from 0 to 100, for example 2.5.", field);
        }

        if (value > Max)
        {
            return new Error("Enter at most 100 reviews a year.", field);
        }

        if (decimal.Round(value, 1) != value)
        {
            return new Error("Enter the reviews expected a year to one decimal place, for example 2.5.", field);
        }

        reviews = value;
        return null;
    }

    /// "2.5", "4".
    public static string Format(decimal reviews) => reviews.ToString("0.#", CultureInfo.InvariantCulture);
}

/// A percentage typed for a forecast scenario ("3.5", "-10"): at most two decimal places, within the bounds given.
public static partial class Percentage
{
    [GeneratedRegex(@"^-?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    /// Blank is 0 (no change). Null when the text is such a number; otherwise the error for the field.
    public static Error? Parse(string? text, string field, string what, decimal min, decimal max, out decimal percent)
    {
        percent = 0;
        var trimmed = text?.Trim().TrimEnd('%').Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return null;
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"from {min:0.##} to {max:0.##}");
        if (!Number().IsMatch(trimmed) || !decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            return new Error($"Enter {what} as a percentage {range}, for example 3.5 (or leave it blank for none).", field);
        }

        if (decimal.Round(value, 2) != value)
        {
            return new Error($"Enter {what} to at most two decimal places.", field);
        }

        percent = value;
        return null;
    }

    /// "3.5%", "-10%", "0%".
    public static string Format(decimal percent) => percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
