using Microsoft.Extensions.DependencyInjection;
using Workflows.Submissions;

namespace Workflows.Crg;

public static class CrgSetup
{
    /// CRG meetings, sign-off, submission to the Home Office, QA outcome and publication.
    public static IServiceCollection AddCrgAndSubmissions(this IServiceCollection services)
    {
        services.AddSingleton<ListCrgMeetingsQuery>();
        services.AddSingleton<CreateCrgMeetingHandler>();
        services.AddSingleton<GetCrgMeetingQuery>();
        services.AddSingleton<ChangeAgendaHandler>();
        services.AddSingleton<CrgPapersMail>();
        services.AddSingleton<RecordCrgOutcomeHandler>();
        services.AddSingleton<SubmissionQuery>();
        services.AddSingleton<SubmissionCommands>();
        return services;
    }
}
