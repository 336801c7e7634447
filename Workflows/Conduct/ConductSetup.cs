using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Conduct;

public static class ConductSetup
{
    /// The findings and conduct of a review: its findings, terms of reference and interview log.
    public static IServiceCollection AddConduct(this IServiceCollection services)
    {
        services.AddSingleton<ConductQuery>();
        services.AddSingleton<SaveFindingsHandler>();
        services.AddSingleton<RecordTermsOfReferenceHandler>();
        services.AddSingleton<RecordInterviewHandler>();
        return services;
    }
}
