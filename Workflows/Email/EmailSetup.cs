using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Email;

public static class EmailSetup
{
    /// The outbox and its dispatcher. The transport (SMTP or pickup folder) and the templates come from Infrastructure.
    /// Nothing schedules the dispatcher here: a recurring job calls OutboxDispatcher.RunOnceAsync.
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var email = configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        if (string.IsNullOrWhiteSpace(email.PortalBaseUrl))
        {
            email.PortalBaseUrl = EmailOptions.FirstListeningAddress(configuration["Urls"]);
        }

        services.AddSingleton(email);
        services.AddSingleton<OutboxSecrets>();
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ListOutboxQuery>();
        services.AddSingleton<OpenIncidentsQuery>();
        services.AddSingleton<ResendMessageHandler>();
        services.AddSingleton<ReadEmailTemplatesQuery>();
        return services;
    }
}
