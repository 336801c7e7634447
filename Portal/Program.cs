using Infrastructure;
using Infrastructure.Seeding;
using Portal;
using Portal.Commands;
using Portal.Components;
using Portal.Features.ActionPlans;
using Portal.Features.Audit;
using Portal.Features.Documents;
using Portal.Features.Import;
using Portal.Features.Profiles;
using Portal.Features.Reports;
using Portal.Features.Reviews;
using Portal.Features.Themes;
using Workflows;

// A command (`admin create ...`, `backup`, ...) runs with the same configuration and services, without the web server.
var commandLine = PortalCommands.Parse(DemoAnnouncement.ExpandSwitch(args));
var builder = WebApplication.CreateBuilder(commandLine.Settings);
builder.Configuration.AddPortalSettings();
builder.ConfigureFor(commandLine);
if (commandLine.Command is null)
{
    ProductionSettings.Check(builder.Configuration, builder.Environment);
}

builder.WebHost.UseStaticWebAssets();
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
builder.Services.AddWorkflows(builder.Configuration);
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortal(builder.Configuration);
builder.AddDeployment();
builder.AddOperations();

var app = builder.Build();
if (commandLine.Command is not null)
{
    return await app.RunAsync(commandLine);
}

if (!await app.InitialiseDatabaseAsync())
{
    return ExitCodes.Refused;
}

app.UseMetricsScrape();
app.UsePortal();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapRegisterExport();
app.MapActionPlanExport();
app.MapDocumentDownloads();
app.MapImportTemplate();
app.MapBoardReportExport();
app.MapDataCollectionFormExport();
app.MapBriefingExport();
app.MapAuditTrailExport();
app.MapHealthEndpoints();
await app.RunAsync();
return ExitCodes.Done;

public partial class Program;
