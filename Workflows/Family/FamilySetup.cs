using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Family;

public static class FamilySetup
{
    /// The family engagement log: contacts, advocacy, the pseudonym and consent.
    public static IServiceCollection AddFamily(this IServiceCollection services)
    {
        services.AddSingleton<FamilyLogQuery>();
        services.AddSingleton<RecordFamilyContactHandler>();
        services.AddSingleton<SaveFamilyAgreementsHandler>();
        return services;
    }
}
