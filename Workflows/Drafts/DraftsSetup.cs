using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;
using Workflows.Family;

namespace Workflows.Drafts;

public static class DraftsSetup
{
    /// Drafts with their comment rounds, and the family engagement log (issue 5).
    public static IServiceCollection AddDraftsAndFamilyLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Drafts").Get<DraftOptions>() ?? new DraftOptions());
        services.AddSingleton<IDocumentAccessRule, DraftDocumentRule>();
        services.AddSingleton<UploadDraftHandler>();
        services.AddSingleton<AddDraftCommentHandler>();
        services.AddSingleton<CloseCommentRoundHandler>();
        services.AddSingleton<ChangeCommentDeadlineHandler>();
        services.AddSingleton<DraftsQuery>();
        services.AddSingleton<MyDraftsQuery>();
        services.AddSingleton<FamilyLogQuery>();
        services.AddSingleton<RecordFamilyContactHandler>();
        services.AddSingleton<SaveFamilyAgreementsHandler>();
        return services;
    }
}
