using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Crg;

public static class CrgSetup
{
    /// CRG meetings: agendas, papers shared with the members, and the outcomes recorded at the meeting.
    public static IServiceCollection AddCrg(this IServiceCollection services)
    {
        services.AddSingleton<ListCrgMeetingsQuery>();
        services.AddSingleton<CreateCrgMeetingHandler>();
        services.AddSingleton<GetCrgMeetingQuery>();
        services.AddSingleton<ChangeAgendaHandler>();
        services.AddSingleton<CrgPapersMail>();
        services.AddSingleton<RecordCrgOutcomeHandler>();
        return services;
    }
}
