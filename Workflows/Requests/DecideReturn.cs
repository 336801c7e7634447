using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Requests;

/// The lead office's decision on a return: accept it, or ask for more with a reason and a new due date, which reopens
/// the request (a new task for the contact, so a fresh reminder ladder) and emails the contact.
public sealed record AcceptReturn(long RequestId, int ExpectedVersion);

public sealed record AskForMoreInformation(long RequestId, string? Reason, DateOnly? DueDate, int ExpectedVersion);

public sealed class DecideReturnHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, RequestMail mail)
{
    public async Task<Result<RequestStatus>> AcceptAsync(Actor actor, AcceptReturn command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await DecideAsync(actor, command.RequestId, command.ExpectedVersion, "accept a return", async (db, context) =>
        {
            context.Request.Status = RequestStatus.Accepted;
            context.Request.AcceptedAtUtc = clock.UtcNow;
            context.Request.AcceptedByUserId = actor.UserId;
            audit.Add(db, actor, AuditAction.Changed, "InformationRequest", Id(command.RequestId), context.Request.ReviewId, context.Reference,
                $"accepted the {context.Request.Type} return");
            await Task.CompletedTask;
            return (Error?)null;
        }, ct);
    }

    public async Task<Result<RequestStatus>> AskForMoreAsync(Actor actor, AskForMoreInformation command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await DecideAsync(actor, command.RequestId, command.ExpectedVersion, "ask for more information", async (db, context) =>
        {
            var errors = new List<Error>();
            var reason = command.Reason?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                errors.Add(new Error("Say what more information is needed: the agency contact reads this.", nameof(command.Reason)));
            }
            else if (reason.Length > InformationRequest.TextMaxLength)
            {
                errors.Add(new Error($"Keep the reason to {InformationRequest.TextMaxLength} characters or fewer (it has {reason.Length}).", nameof(command.Reason)));
            }

            if (command.DueDate is not DateOnly due)
            {
                errors.Add(new Error("Choose a new due date.", nameof(command.DueDate)));
            }
            else if (due < clock.Today)
            {
                errors.Add(SendInformationRequestsHandler.PastDueDate(due, nameof(command.DueDate)));
            }

            if (errors.Count > 0)
            {
                return new ValidationFailed(errors);
            }

            var request = context.Request;
            request.Status = RequestStatus.MoreInformationRequested;
            request.MoreInformationReason = reason;
            request.DueDate = command.DueDate!.Value;
            var task = RequestMail.OpenTask(request, context.Agency, clock.UtcNow);
            db.WorkItems.Add(task);
            await db.SaveChangesAsync(ct);
            request.WorkItemId = task.Id;
            await mail.QueueAsync(db, request, context.Reference, context.CaseLabel, $"more-{request.Version + 1}",
                "More information is needed from your agency", ct);
            audit.Add(db, actor, AuditAction.Changed, "InformationRequest", Id(command.RequestId), request.ReviewId, context.Reference,
                $"asked for more {request.Type} information, due {request.DueDate:yyyy-MM-dd}");
            return null;
        }, ct);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<Result<RequestStatus>> DecideAsync(Actor actor, long requestId, int expectedVersion, string what,
        Func<IReviewDb, RequestContext, Task<Error?>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbs.CreateAsync(ct);
        var context = await RequestContext.LoadAsync(db, actor, requestId, ct);
        if (context is null || !context.IsLeadOffice)
        {
            await audit.RefusedAsync(db, actor, "InformationRequest", Id(requestId), context?.Request.ReviewId, what, ct);
            return new AccessRefused("this information request");
        }

        if (context.Request.Version != expectedVersion)
        {
            return new Conflict("This request");
        }

        if (context.Request.Status != RequestStatus.Returned)
        {
            return new Error($"This request is {InformationRequest.Describe(context.Request.Status).ToLowerInvariant()}: only a returned request can be accepted or sent back.");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var error = await change(db, context);
        if (error is not null)
        {
            return error;
        }

        context.Request.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This request");
        }

        return context.Request.Status;
    }
}
