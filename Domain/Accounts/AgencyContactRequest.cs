namespace Domain.Accounts;

public enum AgencyContactRequestStatus
{
    /// Waiting for an administrator: no account exists yet and nobody has been emailed a link.
    Pending,
    /// An administrator approved it: the account was created and invited.
    Approved,
    /// An administrator refused it, with a reason the officer is told.
    Refused,
}

/// A review officer's or manager's request for an agency contact account (issue 13, finding 2). Officers could mint
/// contacts for any agency; now only administrators create them, directly or by approving such a request. Until then
/// the person has no account, appears in no picker and gets no email.
public sealed class AgencyContactRequest
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public required string DisplayName { get; set; }

    public required string Email { get; set; }

    public int AgencyId { get; set; }

    public required string RequestedByUserId { get; set; }

    public DateTime RequestedAtUtc { get; set; }

    public AgencyContactRequestStatus Status { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTime? DecidedAtUtc { get; set; }

    /// Why an administrator refused it (told to the officer who asked).
    public string? RefusalReason { get; set; }

    /// The account an approval created.
    public string? CreatedUserId { get; set; }

    /// Optimistic concurrency: two administrators deciding at once, one wins.
    public int Version { get; set; }

    public static Error? ValidateRefusalReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new Error("Say why, for the officer who asked: e.g. the person already has an account.", "Reason")
        : reason.Trim().Length > ReasonMaxLength ? new Error($"The reason must be {ReasonMaxLength} characters or fewer.", "Reason")
        : null;
}
