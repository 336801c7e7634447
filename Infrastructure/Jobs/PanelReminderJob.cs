using Hangfire;
using Infrastructure.Operations;
using Workflows.Panels;

namespace Infrastructure.Jobs;

/// The job Hangfire calls every 15 minutes: reminds panel members of meetings in the coming days (once each).
public sealed class PanelReminderJob(PanelReminderScan scan, PortalMetrics metrics)
{
    public const string Id = "panel-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => metrics.TimeJobAsync(Id, () => scan.RunAsync());
}
