using Microsoft.Extensions.DependencyInjection;
using Workflows.Accounts;

namespace Workflows.WorkItems;

public static class WorkItemsSetup
{
    /// Tasks: the work queues, the commands on a task, the dashboard and the staff a task can go to.
    public static IServiceCollection AddWorkItems(this IServiceCollection services)
    {
        services.AddSingleton<IAccountWorkHandover, ReturnWorkToTeamQueue>();
        services.AddSingleton<WorkItemCommands>();
        services.AddSingleton<WorkQueueQuery>();
        services.AddSingleton<OnHoldReviewsQuery>();
        services.AddSingleton<ManagerDashboardQuery>();
        services.AddSingleton<AssignableStaffQuery>();
        return services;
    }
}
