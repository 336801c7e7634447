using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workflows.Accounts;

public static class AccountsSetup
{
    /// Invitations, the rule of the second administrator for roles granted, the two-factor policy and email preferences. What happens to a disabled account's work is the work queues' (IAccountWorkHandover).
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new InvitationOptions(TimeSpan.FromDays(configuration.GetValue("Accounts:InvitationDays", 7.0))));
        services.AddSingleton(TwoFactorPolicy.From(configuration));
        services.TryAddSingleton<IOpenSessions, NoOpenSessions>();
        services.AddSingleton<Invitations>();
        services.AddSingleton<RoleGrants>();
        services.AddSingleton<InviteUserHandler>();
        services.AddSingleton<ResendInvitationHandler>();
        services.AddSingleton<AcceptInvitationHandler>();
        services.AddSingleton<InvitationChoicesQuery>();
        services.AddSingleton<AskForAgencyContactHandler>();
        services.AddSingleton<AgencyContactRequestsQuery>();
        services.AddSingleton<DecideAgencyContactRequestHandler>();
        services.AddSingleton<EmailPreferencesHandler>();
        return services;
    }
}
