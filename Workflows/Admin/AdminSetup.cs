using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Admin;

public static class AdminSetup
{
    /// Administrators' organisations and user accounts, and the first administrator from the command line.
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<ListOrganisationsQuery>();
        services.AddSingleton<SaveOrganisationHandler>();
        services.AddSingleton<SetOrganisationActiveHandler>();
        services.AddSingleton<AdminLookups>();
        services.AddSingleton<ListUsersQuery>();
        services.AddSingleton<GetUserHandler>();
        // Takes IServiceScopeFactory and opens a scope per operation for UserManager (scoped), so it can be a singleton too.
        services.AddSingleton<CreateUserHandler>();
        services.AddSingleton<ChangeUserHandler>();
        services.AddSingleton<ListRoleGrantsQuery>();
        services.AddSingleton<DecideRoleGrantHandler>();
        services.AddSingleton<SetUserDisabledHandler>();
        services.AddSingleton<ResetUserAuthenticatorHandler>();
        services.AddSingleton<CreateFirstAdministratorHandler>();
        services.AddSingleton<ListAdministratorsHandler>();
        services.AddSingleton<EnableAdministratorHandler>();
        return services;
    }
}
