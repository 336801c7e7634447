using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Home;

public static class HomeSetup
{
    /// The home page's "Your work", made of the other features' queries.
    public static IServiceCollection AddHome(this IServiceCollection services) => services.AddSingleton<YourWorkQuery>();
}
