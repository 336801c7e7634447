namespace Workflows.Email;

public enum EmailTransportKind
{
    /// Writes .eml files into {DataPath}/mail-pickup: the embedded default, which sends nothing anywhere.
    Pickup,
    Smtp,
}

public enum SmtpTlsMode
{
    None,
    StartTls,
    SslOnConnect,

    /// StartTls when the server offers it, SslOnConnect on port 465.
    Auto,
}

/// The "Email" section of appsettings.json (documented in README.md).
public sealed class EmailOptions
{
    public EmailTransportKind Transport { get; set; } = EmailTransportKind.Pickup;

    public string FromAddress { get; set; } = "review-portal@localhost";

    public string FromName { get; set; } = "Review Portal";

    /// The portal's public address, for links in emails.
    public string PortalBaseUrl { get; set; } = "http://127.0.0.1:5000";

    public SmtpOptions Smtp { get; set; } = new();

    /// Messages claimed per batch by one dispatcher run.
    public int BatchSize { get; set; } = 20;

    /// A message left Sending longer than this (its process died mid-send) is claimed again.
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// Consecutive failed attempts of a message before administrators see an incident.
    public int IncidentAfterFailures { get; set; } = 5;

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(60);

    public string LinkTo(string relativePath) => PortalBaseUrl.TrimEnd('/') + "/" + relativePath.TrimStart('/');
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
