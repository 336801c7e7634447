using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;
using Workflows.Process;

namespace Workflows.ActionPlans;

public static class ActionPlansSetup
{
    /// Recommendations, actions and their scan (issue 6). The scan's recurring job is in Infrastructure/Jobs.
    public static IServiceCollection AddActionPlans(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Actions").Get<ActionPlanOptions>() ?? new ActionPlanOptions();
        _ = options.RequestDates; // a malformed Actions:UpdateRequestDates stops the start, not the first scan
        services.AddSingleton(options);
        services.AddSingleton<ActionEvidence>();
        services.AddSingleton<IDocumentAccessRule, ActionEvidenceAccessRule>();
        services.AddSingleton<RecordRecommendationHandler>();
        services.AddSingleton<ActionPlanMail>();
        services.AddSingleton<AddActionHandler>();
        services.AddSingleton<PostActionUpdateHandler>();
        services.AddSingleton<DecideActionHandler>();
        services.AddSingleton<ReplanActionHandler>();
        services.AddSingleton<ActionPlanTeamsHandler>();
        services.AddSingleton<DeliveryGroupRegister>();
        services.AddSingleton<AnswerImpactReviewHandler>();
        services.AddSingleton<ActionPlanQuery>();
        services.AddSingleton<ActionPlanLookups>();
        services.AddSingleton<MasterActionPlanQuery>();
        services.AddSingleton<ActionPlanScan>();
        services.AddSingleton<LearningSourcesQuery>();
        services.AddSingleton<SaveLearningSourceHandler>();
        services.AddSingleton<IUnsignedActions, UnsignedActions>();
        return services;
    }
}
