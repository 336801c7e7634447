using Microsoft.AspNetCore.Identity;

namespace Portal.Components.Account;

/// Identity's password rules in plain English, shown wherever a new password is chosen.
internal static class PasswordRules
{
    public static string Describe(PasswordOptions rules)
    {
        var needs = new List<string>();
        if (rules.RequireUppercase) needs.Add("a capital letter");
        if (rules.RequireLowercase) needs.Add("a small letter");
        if (rules.RequireDigit) needs.Add("a number");
        if (rules.RequireNonAlphanumeric) needs.Add("a symbol such as ! or #");
        var with = needs.Count == 0 ? ""
            : ", with " + (needs.Count == 1 ? needs[0] : string.Join(", ", needs[..^1]) + " and " + needs[^1]);
        return $"Use at least {rules.RequiredLength} characters{with}.";
    }
}
