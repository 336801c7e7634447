using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Email;

public static class EmailSetup
{
    /// The outbox and its dispatcher. The transport (SMTP or pickup folder) and the templates come from Infrastructure.
    /// Nothing schedules the dispatcher here: a recurring job calls OutboxDispatcher.RunOnceAsync.
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions());
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ListOutboxQuery>();
        services.AddSingleton<OpenIncidentsQuery>();
        services.AddSingleton<ResendMessageHandler>();
        services.AddSingleton<ReadEmailTemplatesQuery>();
        return services;
    }
}
