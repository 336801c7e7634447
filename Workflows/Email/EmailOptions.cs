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

    /// The portal's address as people reach it, for links in emails. Empty: the first address it listens on (Urls).
    public string PortalBaseUrl { get; set; } = string.Empty;

    public SmtpOptions Smtp { get; set; } = new();

    /// Messages claimed per batch by one dispatcher run.
    public int BatchSize { get; set; } = 20;

    /// A message left Sending longer than this (its process died mid-send) is claimed again.
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// Consecutive failed attempts of a message before administrators see an incident.
    public int IncidentAfterFailures { get; set; } = 5;

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(60);

    public string LinkTo(string relativePath) => PortalBaseUrl.TrimEnd('/') + "/" + relativePath.TrimStart('/');

    /// The first entry of Urls ("http://127.0.0.1:5000;https://..."), a wildcard host ("*", "+", "0.0.0.0", "[::]")
    /// read as localhost; Kestrel's own default when Urls is empty.
    public static string FirstListeningAddress(string? urls)
    {
        var first = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return "http://localhost:5000";
        }

        var scheme = first.Split("://", 2);
        if (scheme.Length == 2)
        {
            var rest = scheme[1];
            var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                first = scheme[0] + "://localhost" + rest[host.Length..];
            }
        }

        return first.TrimEnd('/');
    }
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
