namespace Domain.Accounts;

/// An emailed link to set a first password. Only a hash of the token is kept: the link itself is in the email alone.
public sealed class Invitation
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string TokenHash { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    /// Set when a newer invitation replaced this one.
    public DateTime? RevokedAtUtc { get; set; }

    public string? InvitedByUserId { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;
}
