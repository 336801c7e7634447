using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Reports;

public static class ReportsSetup
{
    /// Themes and learning, and the board report.
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<LearningQuery>();
        services.AddSingleton<BoardReportQuery>();
        services.AddSingleton<ActivityOverviewQuery>();
        services.AddSingleton<BoardActionsQuery>();
        return services;
    }
}
