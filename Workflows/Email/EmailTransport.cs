using Domain.Email;

namespace Workflows.Email;

/// Sends one message (MailKit SMTP or a pickup folder, in Infrastructure). Throws when it could not be handed over.
public interface IEmailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
