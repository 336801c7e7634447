using Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Portal.Testing;

public static class SmtpDown
{
    /// A dispatcher of this portal whose SMTP server is a closed port: every attempt fails, as when the server is down.
    public static OutboxDispatcher DispatcherWithSmtpDown(this PortalFactory portal)
    {
        var down = new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort(), TlsMode = SmtpTlsMode.None, Timeout = TimeSpan.FromSeconds(5) } };
        return new OutboxDispatcher(portal.Services.GetRequiredService<IReviewDbFactory>(), new SmtpEmailTransport(down),
            portal.Services.GetRequiredService<BusinessClock>(), portal.Services.GetRequiredService<EmailOptions>(), portal.Services.GetRequiredService<OutboxSecrets>(),
            NullLogger<OutboxDispatcher>.Instance);
    }

    /// This portal (before it starts) sends through an SMTP server that is a closed port: nothing answers.
    public static PortalFactory WithSmtpDown(this PortalFactory portal)
    {
        portal.Set("Email:Transport", "Smtp");
        portal.Set("Email:Smtp:Host", "127.0.0.1");
        portal.Set("Email:Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        portal.Set("Email:Smtp:TlsMode", "None");
        portal.Set("Email:Smtp:Timeout", "00:00:05");
        return portal;
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
