using Hangfire;
using Workflows.Panels;

namespace Infrastructure.Jobs;

/// The job Hangfire calls every 15 minutes: reminds panel members of meetings in the coming days (once each).
public sealed class PanelReminderJob(PanelReminderScan scan)
{
    public const string Id = "panel-reminders";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public Task RunAsync() => scan.RunAsync();
}
