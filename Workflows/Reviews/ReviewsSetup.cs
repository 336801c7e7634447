using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Reviews;

public static class ReviewsSetup
{
    /// Registering notified deaths, the register and the review page's details.
    public static IServiceCollection AddReviews(this IServiceCollection services, IConfiguration configuration)
    {
        var dardrFrom = configuration.GetValue<DateOnly?>("Reviews:DardrEffectiveFrom") ?? new DateOnly(2025, 1, 1);
        services.AddSingleton(new ReviewTypeDefaults(dardrFrom));
        services.AddSingleton<RegisterNotificationHandler>();
        services.AddSingleton<ReviewRegisterQuery>();
        services.AddSingleton<GetReviewHandler>();
        services.AddSingleton<ReviewLookups>();
        services.AddSingleton<Workflows.Process.IClosingWork, ClosingWork>();
        services.AddSingleton<WithdrawnRequestsQuery>();
        services.AddSingleton<SaveLegalChallengeHandler>();
        services.AddSingleton<LegalChallengesQuery>();
        return services;
    }
}
