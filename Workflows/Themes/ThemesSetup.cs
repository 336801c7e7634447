using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Themes;

public static class ThemesSetup
{
    /// The theme list, and each review's themes, case updates, dissemination log and briefing.
    public static IServiceCollection AddThemes(this IServiceCollection services)
    {
        services.AddSingleton<ThemesQuery>();
        services.AddSingleton<ThemeAdminHandler>();
        services.AddSingleton<ReviewThemesHandler>();
        services.AddSingleton<DisseminationLogHandler>();
        services.AddSingleton<BriefingQuery>();
        services.AddSingleton<SaveBriefingHandler>();
        return services;
    }
}
