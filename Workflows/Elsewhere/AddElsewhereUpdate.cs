using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Elsewhere;

/// asAt: the date the update describes the review as at (today when not given).
public sealed record AddElsewhereUpdate(int RecordId, DateOnly? AsAt, ElsewhereStage? Stage, string? Text);

/// A dated update of a review led elsewhere, kept by hand: where it stands and what the office heard. Every update is
/// kept; the board report as at a date shows the latest dated on or before it.
public sealed class AddElsewhereUpdateHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> HandleAsync(Actor actor, AddElsewhereUpdate input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await ElsewhereAccess.LoadAsync(db, audit, actor, input.RecordId, write: true, "add an update to a review led elsewhere", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var asAt = input.AsAt ?? clock.Today;
        var errors = LedElsewhereRules.CheckUpdate(asAt, input.Stage, input.Text, loaded.Value.KnownSince, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var update = new ElsewhereUpdate
        {
            RecordId = input.RecordId, AsAt = asAt, Stage = input.Stage!.Value, Text = input.Text!.Trim(),
            RecordedAtUtc = clock.UtcNow, ByUserId = actor.UserId,
        };
        db.ElsewhereUpdates.Add(update);
        audit.Add(db, actor, AuditAction.Created, ElsewhereAccess.Subject, input.RecordId.ToString(CultureInfo.InvariantCulture),
            detail: $"update added as at {asAt:yyyy-MM-dd}: {LedElsewhereRules.Describe(update.Stage)}");
        await db.SaveChangesAsync(ct);
        return update.Id;
    }
}
