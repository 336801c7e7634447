using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Commissioner;

public static class CommissionerSetup
{
    /// The Domestic Abuse Commissioner's recommendations and their responses.
    public static IServiceCollection AddCommissioner(this IServiceCollection services)
    {
        services.AddSingleton<CommissionerRecommendationsQuery>();
        services.AddSingleton<RecordCommissionerRecommendationHandler>();
        services.AddSingleton<RecordCommissionerResponseHandler>();
        return services;
    }
}
