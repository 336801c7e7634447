using Domain.Access;
using Domain.Calendar;
using Domain.Requests;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;

namespace Workflows.Requests;

/// What sending (or re-opening) a request writes besides the request itself: the agency's task, which carries the due
/// date into the contact's queue and into the reminder scan (reminders to the contact, escalation to the agency's
/// senior manager, or the lead office's managers when the agency has none), and the email to the contact.
public sealed class RequestMail(IOutbox outbox, EmailOptions email)
{
    public const string EmailReason = "InformationRequest";

    public static string TaskTitle(RequestType type, string agency) => $"Return the {InformationRequest.Abbreviate(type)} information ({agency})";

    public static WorkItem OpenTask(InformationRequest request, string agency, DateTime nowUtc) => new()
    {
        ReviewId = request.ReviewId,
        Kind = WorkItemKind.InformationRequest,
        Title = TaskTitle(request.Type, agency),
        IsProcessStep = true,
        CandidateRole = Role.AgencyContact,
        AgencyId = request.AgencyId,
        CandidateUserId = request.ContactUserId,
        // Assigned to the named contact, so it is in their "My work"; the reminder scan writes to them.
        AssigneeUserId = request.ContactUserId,
        AssignedAtUtc = nowUtc,
        DueDate = request.DueDate,
        Status = WorkItemStatus.Open,
        CreatedAtUtc = nowUtc,
    };

    /// occasion: "sent" or "more-{n}", so that a repeat of the same command queues nothing twice.
    public async Task QueueAsync(IReviewDb db, InformationRequest request, string reference, string caseLabel, string occasion,
        string headline, CancellationToken ct)
    {
        var to = await db.Users.AsNoTracking().Where(u => u.Id == request.ContactUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (string.IsNullOrEmpty(to))
        {
            return;
        }

        var values = new Dictionary<string, string>
        {
            ["Headline"] = headline,
            ["CaseLabel"] = caseLabel,
            ["Reference"] = reference,
            ["RequestType"] = InformationRequest.Describe(request.Type),
            ["DueDate"] = UkDate.Format(request.DueDate),
            ["Link"] = email.LinkTo($"requests/{request.Id}"),
            ["PortalBaseUrl"] = email.PortalBaseUrl,
        };
        await outbox.EnqueueAsync(db, new OutgoingEmail(to, request.ContactUserId, EmailReason, $"request:{request.Id}:{occasion}",
            EmailReason, values, null, request.ReviewId), ct);
    }
}
