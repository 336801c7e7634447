using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Submissions;

public static class SubmissionsSetup
{
    /// Submission to the Home Office, the QA outcome and publication.
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddSingleton<SubmissionQuery>();
        services.AddSingleton<SubmissionCommands>();
        services.AddSingleton<PublicationLinksHandler>();
        return services;
    }
}
