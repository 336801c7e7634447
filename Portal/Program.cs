using Infrastructure;
using Infrastructure.Data;
using Portal;
using Portal.Components;
using Portal.Features.ActionPlans;
using Portal.Features.Documents;
using Portal.Features.Import;
using Portal.Features.Reports;
using Portal.Features.Reviews;
using Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddPortalSettings();
builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortal(builder.Configuration);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().InitialiseAsync();
}

app.UsePortal();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapRegisterExport();
app.MapActionPlanExport();
app.MapDocumentDownloads();
app.MapImportTemplate();
app.MapBoardReportExport();
await app.RunAsync();

public partial class Program;
