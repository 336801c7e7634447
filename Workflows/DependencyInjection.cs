using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Domain.Calendar;
using Workflows.Accounts;
using Workflows.ActionPlans;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Budget;
using Workflows.Import;
using Workflows.Authors;
using Workflows.Calendar;
using Workflows.Documents;
using Workflows.Drafts;
using Workflows.Panels;
using Workflows.Crg;
using Workflows.Process;
using Workflows.Reminders;
using Workflows.Requests;
using Workflows.Email;
using Workflows.Reviews;
using Workflows.Themes;
using Workflows.Reports;
using Workflows.Time;
using Workflows.Timers;
using Workflows.WorkItems;

namespace Workflows;

public static class DependencyInjection
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new BusinessClock(TimeProvider.System));
        var dardrFrom = configuration.GetValue<DateOnly?>("Reviews:DardrEffectiveFrom") ?? new DateOnly(2025, 1, 1);
        services.AddSingleton(new ReviewTypeDefaults(dardrFrom));
        services.AddSingleton<AuditLog>();
        // Handlers are stateless (a context per operation), so one instance serves every circuit.
        services.AddSingleton<RegisterNotificationHandler>();
        services.AddSingleton<ReviewRegisterQuery>();
        services.AddSingleton<GetReviewHandler>();
        services.AddSingleton<ReviewLookups>();
        services.AddSingleton<SearchAuditQuery>();
        services.AddSingleton<ListOrganisationsQuery>();
        services.AddSingleton<SaveOrganisationHandler>();
        services.AddSingleton<SetOrganisationActiveHandler>();
        services.AddSingleton<AdminLookups>();
        services.AddSingleton<ListUsersQuery>();
        services.AddSingleton<GetUserHandler>();
        // Takes IServiceScopeFactory and opens a scope per operation for UserManager (scoped), so it can be a singleton too.
        services.AddSingleton<CreateUserHandler>();
        services.AddSingleton<ChangeUserHandler>();
        services.AddSingleton<SetUserDisabledHandler>();
        services.AddSingleton<CreateFirstAdministratorHandler>();
        services.AddSingleton<ListAdministratorsHandler>();
        services.AddSingleton<EnableAdministratorHandler>();
        services.AddWorkflowEmail(configuration);
        services.AddAccounts(configuration);
        services.AddProcess(configuration);
        services.AddSingleton(configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions());
        services.AddSingleton<ReminderScan>();
        services.AddSingleton<NotificationsSentQuery>();
        services.AddDocuments(configuration);
        services.AddDraftsAndFamilyLog(configuration);
        services.AddPanels(configuration);
        services.AddCrgAndSubmissions();
        services.AddSingleton<BudgetQuery>();
        services.AddSingleton<BudgetChanges>();
        services.AddSingleton<SaveBudgetSettingsHandler>();
        services.AddSingleton<SaveContributionHandler>();
        services.AddSingleton<SaveCostHandler>();
        services.AddSingleton<DeleteContributionHandler>();
        services.AddSingleton<DeleteCostHandler>();
        services.AddSingleton<ImportReviewsHandler>();
        services.AddSingleton<ThemesQuery>();
        services.AddSingleton<ThemeAdminHandler>();
        services.AddSingleton<ReviewThemesHandler>();
        services.AddSingleton<LearningQuery>();
        services.AddSingleton<BoardReportQuery>();
        services.AddAuthors();
        services.AddRequests();
        services.AddActionPlans(configuration);
        return services;
    }

    /// Recommendations, actions and their scan (issue 6). The scan's recurring job is in Infrastructure/Jobs.
    private static void AddActionPlans(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Actions").Get<ActionPlanOptions>() ?? new ActionPlanOptions();
        _ = options.RequestDates; // a malformed Actions:UpdateRequestDates stops the start, not the first scan
        services.AddSingleton(options);
        services.AddSingleton<ActionEvidence>();
        services.AddSingleton<Workflows.Documents.IDocumentAccessRule, ActionEvidenceAccessRule>();
        services.AddSingleton<RecordRecommendationHandler>();
        services.AddSingleton<AddActionHandler>();
        services.AddSingleton<PostActionUpdateHandler>();
        services.AddSingleton<DecideActionHandler>();
        services.AddSingleton<AnswerImpactReviewHandler>();
        services.AddSingleton<ActionPlanQuery>();
        services.AddSingleton<ActionPlanLookups>();
        services.AddSingleton<MasterActionPlanQuery>();
        services.AddSingleton<ActionPlanScan>();
        services.AddSingleton<IUnsignedActions, UnsignedActions>();
    }

    /// The outbox and its dispatcher. The transport (SMTP or pickup folder) and the templates come from Infrastructure.
    /// Nothing schedules the dispatcher here: a recurring job calls OutboxDispatcher.RunOnceAsync.
    private static void AddWorkflowEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions());
        services.AddSingleton<IOutbox, Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ListOutboxQuery>();
        services.AddSingleton<OpenIncidentsQuery>();
        services.AddSingleton<ResendMessageHandler>();
        services.AddSingleton<ReadEmailTemplatesQuery>();
    }

    /// Documents: the storage (IDocumentStorage) comes from Infrastructure; each feature registers an IDocumentAccessRule for its kind.
    private static void AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions());
        services.AddSingleton<DocumentUploads>();
        services.AddSingleton<DownloadDocumentHandler>();
    }

    /// Information requests to agencies (scoping, chronology, IMR) and their returns.
    private static void AddRequests(this IServiceCollection services)
    {
        services.AddSingleton<RequestMail>();
        services.AddSingleton<SendInformationRequestsHandler>();
        services.AddSingleton<ReturnInformationHandler>();
        services.AddSingleton<DecideReturnHandler>();
        services.AddSingleton<RequestQueries>();
        services.AddSingleton<IDocumentAccessRule, InformationReturnAccessRule>();
    }

    private static void AddAccounts(this IServiceCollection services, IConfiguration configuration)
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
    }

    /// The workflow engine, its definitions, work queues and the timer sweep.
    private static void AddProcess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Deadlines").Get<DeadlineSettings>() ?? new DeadlineSettings());
        var dardrV1 = new DardrV1();
        services.AddSingleton(new ProcessRegistry([dardrV1], current: dardrV1));
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<TimerSweep>();
        services.AddSingleton<ReviewProcessQuery>();
        services.AddSingleton<ReviewJournalQuery>();
        services.AddSingleton<WorkItemCommands>();
        services.AddSingleton<WorkQueueQuery>();
        services.AddSingleton<OnHoldReviewsQuery>();
        services.AddSingleton<ManagerDashboardQuery>();
        services.AddSingleton<AssignableStaffQuery>();
        services.AddSingleton<BankHolidaysHandler>();
    }
}
