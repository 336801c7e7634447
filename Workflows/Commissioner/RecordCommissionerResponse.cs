using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Commissioner;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Commissioner;

public sealed record RecordCommissionerResponse(int Id, DateOnly? RespondedOn, string? Summary, int Version);

/// Records the addressee's response (the day it was sent and a summary), which closes the recommendation and its task: the office's
/// officers and managers only, against the version they saw, once (a second response is refused). A recommendation of another office is refused and audited
/// as one that does not exist.
public sealed class RecordCommissionerResponseHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<int>> HandleAsync(Actor actor, RecordCommissionerResponse input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var row = await db.CommissionerRecommendations.SingleOrDefaultAsync(r => r.Id == input.Id, ct);
        if (row is null || !CommissionerAccess.Keeps(actor, row.OfficeId))
        {
            await audit.RefusedAsync(db, actor, CommissionerAccess.Subject, input.Id.ToString(CultureInfo.InvariantCulture), null,
                "record the response to a Commissioner's recommendation", ct);
            return new AccessRefused("this Commissioner's recommendation");
        }

        if (row.Version != input.Version)
        {
            return new Conflict("The recommendation");
        }

        if (row.RespondedOn is not null)
        {
            return new Error("A response is already recorded for this recommendation: it is closed.");
        }

        var errors = CommissionerRecommendation.ValidateResponse(input.RespondedOn, input.Summary, row.MadeOn, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        row.RespondedOn = input.RespondedOn;
        row.ResponseSummary = input.Summary!.Trim();
        row.Version++;
        // Its task is done in the same save: it leaves the queues and the reminder ladder.
        await CommissionerTask.CompleteAsync(db, row, actor.UserId, clock.UtcNow, ct);
        audit.Add(db, actor, AuditAction.Changed, CommissionerAccess.Subject, row.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"response recorded, sent {Domain.Calendar.UkDate.Format(row.RespondedOn!.Value)}; its task completed");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("The recommendation");
        }

        return row.Version;
    }
}
