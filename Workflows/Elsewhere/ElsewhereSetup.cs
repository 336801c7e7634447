using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Elsewhere;

public static class ElsewhereSetup
{
    /// Reviews led by areas outside the portal that the office's CSPs or agencies take part in.
    public static IServiceCollection AddReviewsLedElsewhere(this IServiceCollection services)
    {
        services.AddSingleton<RecordReviewLedElsewhereHandler>();
        services.AddSingleton<ChangeReviewLedElsewhereHandler>();
        services.AddSingleton<AddElsewhereUpdateHandler>();
        services.AddSingleton<ReviewsLedElsewhereQuery>();
        return services;
    }
}
