using Workflows.Data;
using Domain.Workflow;

namespace Workflows.Process;

/// A deadline passed on a review: the clock (if any) and the tasks made urgent. IDs only.
public sealed record DeadlineNotice(int ReviewId, long TimerId, ClockKind? Clock, IReadOnlyList<long> WorkItemIds, long? ClockId = null);

/// The seam for email about process events. The outbox (a later issue) implements it by adding outbox rows to the
/// same context, so that the email is committed with the change or not at all. Until then nothing is sent.
public interface IProcessNotifications
{
    void DeadlinePassed(IReviewDb db, DeadlineNotice notice);
}

public sealed class NoProcessNotifications : IProcessNotifications
{
    public void DeadlinePassed(IReviewDb db, DeadlineNotice notice)
    {
    }
}
