using Domain.Email;
using Infrastructure.Files;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Workflows.Email;

namespace Infrastructure.Email;

internal static class MimeMessages
{
    /// The same message for every transport, with the outbox row's stable Message-Id.
    public static MimeMessage Build(OutboxMessage message, EmailOptions options)
    {
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message is { AttachmentName: { } name, AttachmentContent: { } content })
        {
            // e.g. "text/calendar; method=REQUEST": calendar programs offer to accept an invitation sent this way.
            body.Attachments.Add(name, content, ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        }

        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = message.LocalId,
            Body = body.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.RecipientAddress));
        return mime;
    }
}

/// MailKit SMTP (Email:Smtp). A connection per message keeps the failure of one from affecting the next.
public sealed class SmtpEmailTransport(EmailOptions options) : IEmailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        await client.SendAsync(MimeMessages.Build(message, options), ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// Connects (TLS and credentials as for sending) and says goodbye.
    public async Task ProbeAsync(CancellationToken ct)
    {
        using var client = await ConnectAsync(ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var smtp = options.Smtp;
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var tls = smtp.TlsMode switch
            {
                SmtpTlsMode.None => SecureSocketOptions.None,
                SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
                SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, tls, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, ct);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

/// Writes each message as outbox-{id}.eml into a folder (the embedded default: {DataPath}/mail-pickup). Writing the
/// same message again replaces its file, so a retry never makes a second copy. A written file is the delivered email,
/// links and all, so the folder and its files are the service account's only; the portal refuses this transport in
/// the Production environment (ProductionSettings), where nothing would collect them.
public sealed class PickupFolderTransport(string folder, EmailOptions options) : IEmailTransport
{
    public const string DefaultFolder = "mail-pickup";

    public string Folder => folder;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        PrivateFiles.CreateFolder(folder);
        var path = Path.Combine(folder, $"outbox-{message.Id}.eml");
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, PrivateFiles.NewFile(FileMode.Create, async: true)))
        {
            await MimeMessages.Build(message, options).WriteToAsync(file, ct);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task ProbeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }
}
