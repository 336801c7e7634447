namespace Domain.Email;

/// Whether typed text looks like an email address for a contact we only write to by hand (an escalation contact, a
/// contact in another area): something before and after one "@", no spaces, within the field's length. Sign-in
/// addresses are checked more strictly where accounts are made.
public static class AddressShape
{
    public static bool Looks(string? typed, int maxLength)
    {
        var e = (typed ?? string.Empty).Trim();
        var at = e.IndexOf('@', StringComparison.Ordinal);
        return e.Length <= maxLength && at >= 1 && at < e.Length - 1 && !e.Contains(' ', StringComparison.Ordinal);
    }
}
