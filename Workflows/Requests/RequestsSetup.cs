using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;

namespace Workflows.Requests;

public static class RequestsSetup
{
    /// Information requests to agencies (scoping, chronology, IMR) and their returns.
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddSingleton<RequestMail>();
        services.AddSingleton<SendInformationRequestsHandler>();
        services.AddSingleton<ReturnInformationHandler>();
        services.AddSingleton<DecideReturnHandler>();
        services.AddSingleton<RequestQueries>();
        services.AddSingleton<IDocumentAccessRule, InformationReturnAccessRule>();
        return services;
    }
}
