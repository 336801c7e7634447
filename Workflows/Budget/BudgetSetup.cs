using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Budget;

public static class BudgetSetup
{
    /// The pooled budget of each office: settings, budget lines, contributions, costs and the statement.
    public static IServiceCollection AddBudget(this IServiceCollection services)
    {
        services.AddSingleton<BudgetQuery>();
        services.AddSingleton<BudgetChanges>();
        services.AddSingleton<SaveBudgetSettingsHandler>();
        services.AddSingleton<SaveContributionHandler>();
        services.AddSingleton<SaveCostHandler>();
        services.AddSingleton<SaveBudgetLinesHandler>();
        services.AddSingleton<DeleteContributionHandler>();
        services.AddSingleton<DeleteCostHandler>();
        return services;
    }
}
