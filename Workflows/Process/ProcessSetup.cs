using Domain.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Process;

public static class ProcessSetup
{
    /// The workflow engine, its definitions and deadlines, and the review page's process and journal.
    public static IServiceCollection AddProcess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Deadlines").Get<DeadlineSettings>() ?? new DeadlineSettings());
        var dardrV1 = new DardrV1();
        services.AddSingleton(new ProcessRegistry([dardrV1], current: dardrV1));
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<ReviewProcessQuery>();
        services.AddSingleton<ReviewJournalQuery>();
        return services;
    }
}
