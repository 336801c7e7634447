using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Elsewhere;

/// A review led elsewhere as first recorded: its details, and the stage it had reached when the office heard of it
/// (the first update, as at that date), with an optional note.
public sealed record RecordReviewLedElsewhere(ElsewhereDetails Details, ElsewhereStage? Stage, string? Note);

/// The office's review officers and managers record a review led by an area outside the portal that one of their CSPs
/// or agencies takes part in. The rule that an office registers only reviews of the CSPs it serves is for the reviews it
/// runs (CaseScope.CanRegisterFor); here the CSP of ours must be one the office serves. The audit row names the fields,
/// never the contact.
public sealed class RecordReviewLedElsewhereHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<int>> HandleAsync(Actor actor, RecordReviewLedElsewhere input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff || actor.OfficeIds.Count == 0)
        {
            await audit.RefusedAsync(db, actor, ElsewhereAccess.Subject, null, null, "record a review led elsewhere", ct);
            return new AccessRefused("recording reviews led elsewhere");
        }

        var d = input.Details;
        var errors = LedElsewhereRules.CheckDetails(d, clock.Today).ToList();
        errors.AddRange(LedElsewhereRules.CheckUpdate(d.KnownSince ?? clock.Today, input.Stage, input.Note, d.KnownSince ?? clock.Today, clock.Today,
            textRequired: false).Where(e => e.Field != "AsAt").Select(e => e.Field == "Text" ? e with { Field = "Note" } : e));
        var office = await OfficeAsync(db, actor, d, null, errors, ct);
        if (errors.Count > 0 || office is not int officeId)
        {
            return new ValidationFailed(errors);
        }

        // The record and its first update, or neither.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var record = await AddAsync(db, actor, officeId, d, input.Stage!.Value, input.Note, d.KnownSince!.Value, clock.UtcNow, atRest, ct);
        audit.Add(db, actor, AuditAction.Created, ElsewhereAccess.Subject, record.Id.ToString(CultureInfo.InvariantCulture),
            detail: "review led elsewhere recorded: area, lead CSP, case label, who takes part, contact, date heard of, stage");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record.Id;
    }

    /// Adds a record of checked details and its first update (the stage, with an optional note, as at the date): the form's
    /// record as at the date heard of, the import's as at its update's date. The caller holds the transaction and saves
    /// the update with its audit row.
    internal static async Task<ReviewLedElsewhere> AddAsync(IReviewDb db, Actor actor, int officeId, ElsewhereDetails d, ElsewhereStage stage, string? note,
        DateOnly asAt, DateTime now, AtRest atRest, CancellationToken ct)
    {
        var record = new ReviewLedElsewhere
        {
            OfficeId = officeId,
            Area = d.Area!.Trim(),
            LeadCsp = d.LeadCsp!.Trim(),
            CaseLabel = d.CaseLabel!.Trim(),
            ContactName = string.Empty,
            RecordedAtUtc = now,
            RecordedByUserId = actor.UserId,
        };
        Apply(record, d, atRest);
        db.ReviewsLedElsewhere.Add(record);
        await db.SaveChangesAsync(ct);
        db.ElsewhereUpdates.Add(new ElsewhereUpdate
        {
            RecordId = record.Id, AsAt = asAt, Stage = stage, Text = Trimmed(note), RecordedAtUtc = now, ByUserId = actor.UserId,
        });
        return record;
    }

    /// The details as typed, trimmed, the contact protected at rest (ChangeReviewLedElsewhere uses it too).
    internal static void Apply(ReviewLedElsewhere record, ElsewhereDetails d, AtRest atRest)
    {
        record.Area = d.Area!.Trim();
        record.LeadCsp = d.LeadCsp!.Trim();
        record.TheirReference = Trimmed(d.TheirReference);
        record.CaseLabel = d.CaseLabel!.Trim();
        record.CspId = d.CspId;
        record.AgencyId = d.AgencyId;
        // No contact (a record imported from a tracker without one) is kept empty, not protected.
        record.ContactName = Trimmed(d.ContactName) is { } contact ? atRest.Protect(AtRest.ElsewhereContactName, contact)! : string.Empty;
        record.ContactEmail = atRest.Protect(AtRest.ElsewhereContactEmail, Trimmed(d.ContactEmail));
        record.ContactPhone = atRest.Protect(AtRest.ElsewhereContactPhone, Trimmed(d.ContactPhone));
        record.KnownSince = d.KnownSince!.Value;
        record.SearchText = ReviewLedElsewhere.Search(record.CaseLabel, record.TheirReference, record.Area, record.LeadCsp);
    }

    /// The office that keeps the record: the one that serves the CSP of ours that takes part, which must be the actor's
    /// (or, a record kept already, the record's); with an agency alone, the actor's office when they have only one.
    internal static async Task<int?> OfficeAsync(IReviewDb db, Actor actor, ElsewhereDetails d, int? recordOffice, List<Error> errors,
        CancellationToken ct)
    {
        int? office = recordOffice;
        if (d.CspId is int cspId)
        {
            var serving = await db.Organisations.AsNoTracking().Where(o => o.Id == cspId && o.Kind == OrganisationKind.Csp)
                .Select(o => o.ServingOfficeId).SingleOrDefaultAsync(ct);
            if (serving is not int s || !actor.OfficeIds.Contains(s) || (recordOffice is int kept && kept != s))
            {
                errors.Add(new Error("Choose one of the CSPs your office serves.", nameof(d.CspId)));
                return null;
            }

            office = s;
        }
        else if (office is null && d.AgencyId is not null)
        {
            if (actor.OfficeIds.Count != 1)
            {
                errors.Add(new Error("You work for more than one review office: choose the CSP of yours that takes part, so the record is kept by its office.",
                    nameof(d.CspId)));
                return null;
            }

            office = actor.OfficeIds.Single();
        }

        if (d.AgencyId is int agencyId
            && !await db.Organisations.AnyAsync(o => o.Id == agencyId && o.Kind == OrganisationKind.Agency && o.IsActive, ct))
        {
            errors.Add(new Error("Choose an agency from the list.", nameof(d.AgencyId)));
            return null;
        }

        return office;
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
