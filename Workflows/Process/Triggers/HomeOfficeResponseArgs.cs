using Domain.Calendar;
using Domain.Reviews;

namespace Workflows.Process;

/// The Home Office's answer to the CRG's decision (an acknowledgement, a direction, or agreement to close): dated on
/// the day it answered, which cannot come before the day it was told.
public abstract record HomeOfficeResponseArgs : TriggerArgs
{
    protected override string? DateProblem(Review review, DateOnly date) =>
        review.HomeOfficeNotifiedOn is { } told && date < told
            ? $"The Home Office cannot have answered before it was notified of the decision ({UkDate.Format(told)}): check the date."
            : null;
}
