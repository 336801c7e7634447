using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Requests;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Requests;

/// One request per chosen contact (one contact per agency): the same type to several agencies at once.
/// DueDate null: the default (Deadlines:InformationRequestWeeks after today). Scope: what is needed, for which period,
/// under which terms of reference (the same for every agency asked).
public sealed record SendInformationRequests(int ReviewId, RequestType? Type, IReadOnlyList<string> ContactUserIds, DateOnly? DueDate, RequestScope Scope);

public sealed record RequestsSent(IReadOnlyList<long> RequestIds, DateOnly DueDate);

public sealed class SendInformationRequestsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, DeadlineSettings deadlines, RequestMail mail)
{
    public DateOnly DefaultDueDate => deadlines.InformationRequestDue(clock.Today);

    public async Task<Result<RequestsSent>> HandleAsync(Actor actor, SendInformationRequests command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        await using var db = await dbs.CreateAsync(ct);
        var review = await db.Reviews.AsNoTracking().Where(r => r.Id == command.ReviewId)
            .Select(r => new { r.Id, r.Reference, r.CaseLabel, r.LeadOfficeId, r.Stage }).SingleOrDefaultAsync(ct);
        if (review is null || !RequestContext.IsLeadOfficeStaff(actor, review.LeadOfficeId))
        {
            await audit.RefusedAsync(db, actor, "InformationRequest", null, review?.Id, "send information requests", ct);
            return new AccessRefused("this review's information requests");
        }

        var today = clock.Today;
        var errors = new List<Error>();
        if (review.Stage == Stage.Closed)
        {
            errors.Add(new Error("This review is closed: information requests cannot be sent."));
        }

        if (command.Type is null)
        {
            errors.Add(new Error("Choose what information to ask for.", nameof(command.Type)));
        }

        var due = command.DueDate ?? DefaultDueDate;
        if (due < today)
        {
            errors.Add(PastDueDate(due, nameof(command.DueDate)));
        }

        errors.AddRange(command.Scope.Check(today));
        var ids = command.ContactUserIds.Distinct().ToList();
        var contacts = ids.Count == 0 ? []
            : await AgencyContacts.ForOffice(db, review.LeadOfficeId).Where(c => ids.Contains(c.UserId)).ToListAsync(ct);
        if (ids.Count == 0)
        {
            errors.Add(new Error("Choose at least one agency contact to send the request to.", nameof(command.ContactUserIds)));
        }
        else if (contacts.Count != ids.Count)
        {
            errors.Add(new Error("A chosen person is not an agency contact of an agency that works with this review's office. Reload the page and choose again.",
                nameof(command.ContactUserIds)));
        }
        else if (contacts.GroupBy(c => c.AgencyId).Any(g => g.Count() > 1))
        {
            errors.Add(new Error("Choose one contact per agency: each agency gets one request.", nameof(command.ContactUserIds)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var now = clock.UtcNow;
        var requests = contacts.Select(c => (Contact: c, Request: new InformationRequest
        {
            ReviewId = review.Id,
            Type = command.Type!.Value,
            AgencyId = c.AgencyId,
            ContactUserId = c.UserId,
            DueDate = due,
            Needed = command.Scope.Needed!.Trim(),
            PeriodFrom = command.Scope.PeriodFrom,
            PeriodTo = command.Scope.PeriodTo,
            TermsOfReference = command.Scope.TermsOfReference!.Trim(),
            Status = RequestStatus.Sent,
            SentAtUtc = now,
            SentByUserId = actor.UserId,
        })).ToList();
        db.InformationRequests.AddRange(requests.Select(r => r.Request));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var (contact, request) in requests)
        {
            var task = RequestMail.OpenTask(request, contact.Agency, now);
            db.WorkItems.Add(task);
            await db.SaveChangesAsync(ct);
            request.WorkItemId = task.Id;
            await mail.QueueAsync(db, request, review.Reference, review.CaseLabel, "sent", "Your agency has been asked for information", ct);
            audit.Add(db, actor, AuditAction.Created, "InformationRequest", request.Id.ToString(CultureInfo.InvariantCulture), review.Id, review.Reference,
                $"{request.Type} request to {contact.Agency}, due {due:yyyy-MM-dd}");
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RequestsSent(requests.Select(r => r.Request.Id).ToList(), due);
    }

    internal static Error PastDueDate(DateOnly due, string field) =>
        new($"The due date {UkDate.Format(due)} is in the past. Choose today or a later date.", field);
}
