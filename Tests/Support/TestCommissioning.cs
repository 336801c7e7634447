using Domain.Workflow;
using Workflows.Process;
using Xunit;

namespace Portal.Testing;

/// A review of the test's own, registered and moved through the engine to Commissioning, as an officer would.
public static class TestCommissioning
{
    public static async Task<int> CommissioningReviewAsync(this PortalFactory portal, DateOnly notified)
    {
        var id = await portal.RegisterReviewAsync(notified);
        var officer = await portal.ActorAsync(DemoAccounts.LrOfficer);
        var engine = portal.Get<WorkflowEngine>();
        foreach (var (trigger, comment) in new[]
                 {
                     (Trigger.PresentToCrg, (string?)null), (Trigger.RecordCriteriaMet, "Criteria met."), (Trigger.RecordHomeOfficeNotified, null),
                     (Trigger.RecordHomeOfficeAcknowledged, null),
                 })
        {
            var result = await engine.FireAsync(id, TriggerArgs.For(trigger) with { Comment = comment }, officer, Guid.NewGuid().ToString());
            Assert.True(result.IsSuccess, result.Error?.Message);
        }

        return id;
    }
}
