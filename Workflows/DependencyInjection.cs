using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Reviews;
using Workflows.Time;

namespace Workflows;

public static class DependencyInjection
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BusinessClock(TimeProvider.System));
        var dardrFrom = configuration.GetValue<DateOnly?>("Reviews:DardrEffectiveFrom") ?? new DateOnly(2025, 1, 1);
        services.AddSingleton(new ReviewTypeDefaults(dardrFrom));
        services.AddSingleton<AuditLog>();
        // Handlers are stateless (a context per operation), so one instance serves every circuit.
        services.AddSingleton<RegisterNotificationHandler>();
        services.AddSingleton<ReviewRegisterQuery>();
        services.AddSingleton<GetReviewHandler>();
        services.AddSingleton<ReviewLookups>();
        services.AddSingleton<SearchAuditQuery>();
        services.AddSingleton<ListOrganisationsQuery>();
        services.AddSingleton<SaveOrganisationHandler>();
        services.AddSingleton<SetOrganisationActiveHandler>();
        services.AddSingleton<AdminLookups>();
        services.AddSingleton<ListUsersQuery>();
        services.AddSingleton<GetUserHandler>();
        // Takes IServiceScopeFactory and opens a scope per operation for UserManager (scoped), so it can be a singleton too.
        services.AddSingleton<CreateUserHandler>();
        services.AddSingleton<ChangeUserHandler>();
        return services;
    }
}
