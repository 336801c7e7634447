using Infrastructure.Security;
using Workflows.Email;

namespace Portal;

/// Settings the portal refuses to serve with in the Production environment, each with what to set instead.
public static class ProductionSettings
{
    public static void Check(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var problems = new List<string>();
        if ((configuration.GetSection("DataProtection").Get<KeyRingOptions>() ?? new KeyRingOptions()).ProblemInProduction() is { } keyRing)
        {
            problems.Add(keyRing);
        }

        // Behind a proxy the address the portal listens on (Urls) is not the one people use: links in emails would be wrong.
        if (string.IsNullOrWhiteSpace(configuration["Email:PortalBaseUrl"]))
        {
            problems.Add("Email:PortalBaseUrl must be set in Production: the portal's address as people reach it (e.g. "
                + "https://portal.council.gov.uk), used for links in emails. Set it as the environment variable Email__PortalBaseUrl.");
        }

        // A pickup file is the delivered email, invitation links and all, and in Production nothing would collect it.
        if ((configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions()).Transport == EmailTransportKind.Pickup)
        {
            problems.Add("Email:Transport is Pickup, which writes every email (invitation links included) into the data folder and sends "
                + "nothing. Set Email:Transport=Smtp and the Email:Smtp:* keys.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The portal does not start in the Production environment with these settings. "
                + string.Join(" ", problems));
        }
    }
}
