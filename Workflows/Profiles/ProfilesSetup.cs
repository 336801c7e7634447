using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Profiles;

public static class ProfilesSetup
{
    /// The case profile: its fields (kept by administrators), each review's answers and the criteria check.
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddSingleton<CaseProfileQuery>();
        services.AddSingleton<SaveCaseProfileHandler>();
        services.AddSingleton<ProfileFieldAdminHandler>();
        services.AddSingleton<DataCollectionFormQuery>();
        return services;
    }
}
