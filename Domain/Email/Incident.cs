namespace Domain.Email;

public enum IncidentKind
{
    EmailDelivery,
}

/// Something administrators must know about (e.g. email that cannot be delivered), open until it is resolved.
/// At most one is open per kind.
public sealed class Incident
{
    public long Id { get; set; }

    public IncidentKind Kind { get; set; }

    public DateTime OpenedAtUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    public required string Message { get; set; }
}
