using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Timers;

public static class TimersSetup
{
    /// The timer sweep; its recurring job is in Infrastructure/Jobs.
    public static IServiceCollection AddTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Timers").Get<TimerSweepOptions>() ?? new TimerSweepOptions());
        services.AddSingleton<TimerSweep>();
        return services;
    }
}
