using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Accounts;
using Workflows.ActionPlans;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Authors;
using Workflows.Budget;
using Workflows.Calendar;
using Workflows.Commissioner;
using Workflows.Conduct;
using Workflows.Crg;
using Workflows.Data;
using Workflows.Documents;
using Workflows.Drafts;
using Workflows.Email;
using Workflows.Elsewhere;
using Workflows.Family;
using Workflows.Home;
using Workflows.Import;
using Workflows.Panels;
using Workflows.Process;
using Workflows.Profiles;
using Workflows.Reminders;
using Workflows.Reports;
using Workflows.Requests;
using Workflows.Reviews;
using Workflows.Submissions;
using Workflows.Themes;
using Workflows.Time;
using Workflows.Timers;
using Workflows.WorkItems;

namespace Workflows;

public static class DependencyInjection
{
    /// Each feature folder registers its own handlers (its Add<Feature>). Handlers are stateless (a context per
    /// operation), so one instance serves every circuit.
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BusinessClock(TimeProvider.System));
        // Protection at rest with the data-protection key ring, which Infrastructure configures (persisted, protected).
        services.AddSingleton<AtRest>();
        services.AddReviews(configuration);
        services.AddReviewsLedElsewhere();
        services.AddAudit();
        services.AddAdmin();
        services.AddEmail(configuration);
        services.AddAccounts(configuration);
        services.AddProcess(configuration);
        services.AddTimers(configuration);
        services.AddWorkItems();
        services.AddHome();
        services.AddCalendar();
        services.AddReminders(configuration);
        services.AddDocuments(configuration);
        services.AddDrafts(configuration);
        services.AddFamily();
        services.AddProfiles();
        services.AddConduct();
        services.AddPanels(configuration);
        services.AddCrg();
        services.AddSubmissions();
        services.AddBudget();
        services.AddImport();
        services.AddThemes();
        services.AddCommissioner();
        services.AddReports();
        services.AddAuthors();
        services.AddRequests();
        services.AddActionPlans(configuration);
        return services;
    }
}
