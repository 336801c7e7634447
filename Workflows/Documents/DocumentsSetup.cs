using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Documents;

public static class DocumentsSetup
{
    /// Documents: the storage (IDocumentStorage) comes from Infrastructure; each feature registers an IDocumentAccessRule for its kind.
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Documents").Get<DocumentOptions>() ?? new DocumentOptions());
        services.AddSingleton<DocumentUploads>();
        services.AddSingleton<DownloadDocumentHandler>();
        return services;
    }
}
