using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Import;

public static class ImportSetup
{
    /// Importing existing reviews from an office's tracker.
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportReviewsHandler>();
        return services;
    }
}
