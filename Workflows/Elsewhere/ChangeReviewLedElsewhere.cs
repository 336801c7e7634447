using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Elsewhere;

public sealed record ChangeReviewLedElsewhere(int Id, ElsewhereDetails Details, int Version);

/// Corrects the details of a review led elsewhere (the stage moves on by updates). A form older than the record is a
/// conflict; the audit row names the fields changed, never their values.
public sealed class ChangeReviewLedElsewhereHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<int>> HandleAsync(Actor actor, ChangeReviewLedElsewhere input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var loaded = await ElsewhereAccess.LoadAsync(db, audit, actor, input.Id, write: true, "change a review led elsewhere", ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var record = loaded.Value;
        if (record.Version != input.Version)
        {
            return new Conflict("This review led elsewhere");
        }

        var earliest = await db.ElsewhereUpdates.Where(u => u.RecordId == record.Id).MinAsync(u => (DateOnly?)u.AsAt, ct);
        // A record imported without a contact may stay without one; a contact once kept is not cleared.
        var hasContact = !string.IsNullOrEmpty(atRest.Unprotect(AtRest.ElsewhereContactName, record.ContactName));
        var errors = LedElsewhereRules.CheckDetails(input.Details, clock.Today, earliest, contactRequired: hasContact).ToList();
        await RecordReviewLedElsewhereHandler.OfficeAsync(db, actor, input.Details, record.OfficeId, errors, ct);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var before = Fields(record);
        RecordReviewLedElsewhereHandler.Apply(record, input.Details, atRest);
        var after = Fields(record);
        var changed = before.Where(f => after[f.Key] != f.Value).Select(f => f.Key).ToList();
        if (changed.Count == 0)
        {
            return record.Version;
        }

        record.Version++;
        audit.Add(db, actor, AuditAction.Changed, ElsewhereAccess.Subject, record.Id.ToString(CultureInfo.InvariantCulture),
            detail: "review led elsewhere changed: " + string.Join(", ", changed));
        await db.SaveChangesAsync(ct);
        return record.Version;
    }

    // Protected values differ on each protection: the contact is compared in plain.
    private Dictionary<string, string?> Fields(ReviewLedElsewhere r) => new()
    {
        ["area"] = r.Area,
        ["lead CSP"] = r.LeadCsp,
        ["their reference"] = r.TheirReference,
        ["case label"] = r.CaseLabel,
        ["CSP taking part"] = r.CspId?.ToString(CultureInfo.InvariantCulture),
        ["agency taking part"] = r.AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["contact's name"] = atRest.Unprotect(AtRest.ElsewhereContactName, r.ContactName),
        ["contact's email"] = atRest.Unprotect(AtRest.ElsewhereContactEmail, r.ContactEmail),
        ["contact's phone"] = atRest.Unprotect(AtRest.ElsewhereContactPhone, r.ContactPhone),
        ["date heard of"] = r.KnownSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
