using Domain.Email;

namespace Workflows.Email;

/// Sends one message (MailKit SMTP or a pickup folder, in Infrastructure). Throws when it could not be handed over.
public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);

    /// Throws when mail could not be handed over now (the SMTP server does not answer, the pickup folder cannot be
    /// written), without sending anything: the readiness check's "smtp" entry.
    Task ProbeAsync(CancellationToken ct);
}
