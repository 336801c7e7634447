using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Audit;

public static class AuditSetup
{
    /// The audit log every handler writes to, and the search of the audit trail.
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<AuditLog>();
        services.AddSingleton<SearchAuditQuery>();
        return services;
    }
}
