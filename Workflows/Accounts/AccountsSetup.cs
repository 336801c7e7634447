using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.WorkItems;

namespace Workflows.Accounts;

public static class AccountsSetup
{
    /// Invitations, two-factor policy, email preferences, and handing work back when an account is disabled.
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new InvitationOptions(TimeSpan.FromDays(configuration.GetValue("Accounts:InvitationDays", 7.0))));
        services.AddSingleton(TwoFactorPolicy.From(configuration));
        services.TryAddSingleton<IOpenSessions, NoOpenSessions>();
        services.AddSingleton<IAccountWorkHandover, ReturnWorkToTeamQueue>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<InviteUserHandler>();
        services.AddSingleton<ResendInvitationHandler>();
        services.AddSingleton<AcceptInvitationHandler>();
        services.AddSingleton<InvitationChoicesQuery>();
        services.AddSingleton<EmailPreferencesHandler>();
        return services;
    }
}
