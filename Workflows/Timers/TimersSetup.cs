using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Timers;

public static class TimersSetup
{
    /// The timer sweep; its recurring job is in Infrastructure/Jobs.
    public static IServiceCollection AddTimers(this IServiceCollection services)
    {
        services.AddSingleton<TimerSweep>();
        return services;
    }
}
