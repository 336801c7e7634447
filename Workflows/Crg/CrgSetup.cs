using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;

namespace Workflows.Crg;

public static class CrgSetup
{
    /// CRG meetings: agendas, papers (with their documents) shared with the members, and the outcomes recorded at the meeting.
    public static IServiceCollection AddCrg(this IServiceCollection services)
    {
        services.AddSingleton<ListCrgMeetingsQuery>();
        services.AddSingleton<CreateCrgMeetingHandler>();
        services.AddSingleton<GetCrgMeetingQuery>();
        services.AddSingleton<ChangeAgendaHandler>();
        services.AddSingleton<CrgPapersMail>();
        services.AddSingleton<RecordCrgOutcomeHandler>();
        services.AddSingleton<AttachCrgPaperHandler>();
        services.AddSingleton<IDocumentAccessRule, CrgPaperAccessRule>();
        return services;
    }
}
