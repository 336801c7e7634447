using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Reminders;

public static class RemindersSetup
{
    /// The reminder ladder's scan and the record of what it sent; the scan's recurring job is in Infrastructure/Jobs.
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions());
        services.AddSingleton<ReminderScan>();
        services.AddSingleton<NotificationsSentQuery>();
        return services;
    }
}
