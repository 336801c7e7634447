using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Calendar;

public static class CalendarSetup
{
    /// Bank holidays, kept by administrators.
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddSingleton<BankHolidaysHandler>();
        return services;
    }
}
