using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Documents;

namespace Workflows.Drafts;

public static class DraftsSetup
{
    /// Drafts with their comment rounds (issue 5).
    public static IServiceCollection AddDrafts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Drafts").Get<DraftOptions>() ?? new DraftOptions());
        services.AddSingleton<IDocumentAccessRule, DraftDocumentRule>();
        services.AddSingleton<UploadDraftHandler>();
        services.AddSingleton<AddDraftCommentHandler>();
        services.AddSingleton<CloseCommentRoundHandler>();
        services.AddSingleton<ChangeCommentDeadlineHandler>();
        services.AddSingleton<DraftsQuery>();
        services.AddSingleton<MyDraftsQuery>();
        return services;
    }
}
