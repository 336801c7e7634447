using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Commissioner;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Commissioner;

public sealed record RecordCommissionerRecommendation(int OfficeId, string? Report, DateOnly? MadeOn, int? AddresseeId, string? Text);

/// Records a recommendation of the Commissioner for an office: its officers and managers only; the addressee must be one
/// of the agencies the office works with or a CSP it serves. Opens its task for the office's review officers
/// (CommissionerTask), due on the response date. Returns the new id.
public sealed class RecordCommissionerRecommendationHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<int>> HandleAsync(Actor actor, RecordCommissionerRecommendation input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!CommissionerAccess.Keeps(actor, input.OfficeId))
        {
            await audit.RefusedAsync(db, actor, CommissionerAccess.Subject, null, null, "record a Commissioner's recommendation", ct);
            return new AccessRefused("the Commissioner's recommendations of this office");
        }

        var errors = CommissionerRecommendation.Validate(input.Report, input.MadeOn, input.AddresseeId, input.Text, clock.Today).ToList();
        if (input.AddresseeId is int addressee
            && !(await CommissionerAccess.AddresseesAsync(db, [input.OfficeId], ct)).Any(a => a.Id == addressee))
        {
            errors.Add(new Error("Choose one of the office's agencies or CSPs from the list.", nameof(CommissionerRecommendation.AddresseeId)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var row = new CommissionerRecommendation
        {
            OfficeId = input.OfficeId, AddresseeId = input.AddresseeId!.Value, Report = input.Report!.Trim(), MadeOn = input.MadeOn!.Value,
            Text = input.Text!.Trim(), CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId, Version = 1,
        };
        // One transaction: the recommendation, its task on the reminder ladder (its title needs the id) and the audit.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CommissionerRecommendations.Add(row);
        await db.SaveChangesAsync(ct);
        CommissionerTask.Open(row, clock.UtcNow);
        audit.Add(db, actor, AuditAction.Created, CommissionerAccess.Subject, row.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"Commissioner's recommendation {row.Reference} recorded, response due {Domain.Calendar.UkDate.Format(row.ResponseDue)}; task opened for the office's review officers");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row.Id;
    }
}
