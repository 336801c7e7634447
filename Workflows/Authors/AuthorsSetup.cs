using Microsoft.Extensions.DependencyInjection;
using Workflows.Process;

namespace Workflows.Authors;

public static class AuthorsSetup
{
    /// The author directory and commissioning (expressions of interest, appointments): stateless handlers.
    public static IServiceCollection AddAuthors(this IServiceCollection services)
    {
        services.AddSingleton<AuthorDirectoryQuery>();
        services.AddSingleton<GetAuthorProfileHandler>();
        services.AddSingleton<AuthorChoicesQuery>();
        services.AddSingleton<IChairAuthorAccounts, ChairAuthors>();
        services.AddSingleton<SaveAuthorProfileHandler>();
        services.AddSingleton<MyAvailabilityHandler>();
        services.AddSingleton<SendEoiHandler>();
        services.AddSingleton<EoiReplyHandler>();
        services.AddSingleton<CommissioningQuery>();
        services.AddSingleton<AppointAuthorHandler>();
        services.AddSingleton<EndAppointmentHandler>();
        services.AddSingleton<AuthorHomeQuery>();
        return services;
    }
}
