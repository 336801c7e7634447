using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Reviews;

public sealed record RegisteredReview(int Id, string Reference, string CaseLabel);

public sealed class RegisterNotificationHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine)
{
    public async Task<Result<RegisteredReview>> HandleAsync(Actor actor, Notification n, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "Review", null, null, "register a notification", ct);
            return new AccessRefused("registering notifications");
        }

        var errors = n.Validate(clock.Today).ToList();
        var csps = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == n.LeadCspId || n.OtherCspIds.Contains(o.Id) || o.Id == n.NotifyingAgencyId)
            .ToListAsync(ct);
        var lead = csps.SingleOrDefault(o => o.Id == n.LeadCspId && o.Kind == OrganisationKind.Csp && o.IsActive);
        if (n.LeadCspId is not null && lead is null)
        {
            errors.Add(new Error("The lead CSP was not found: choose one from the list.", nameof(n.LeadCspId)));
        }

        if (n.OtherCspIds.Any(id => !csps.Any(o => o.Id == id && o.Kind == OrganisationKind.Csp)))
        {
            errors.Add(new Error("One of the other CSPs was not found: choose them from the list.", nameof(n.OtherCspIds)));
        }

        if (n.NotifyingAgencyId is not null && !csps.Any(o => o.Id == n.NotifyingAgencyId && o.Kind == OrganisationKind.Agency))
        {
            errors.Add(new Error("The notifying agency was not found: choose one from the list.", nameof(n.NotifyingAgencyId)));
        }

        var label = n.CaseLabel?.Trim() ?? string.Empty;
        if (label.Length > 0 && await LabelTakenAsync(db, label, ct))
        {
            errors.Add(LabelTaken(label));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var scope = await CaseScope.LoadAsync(db, actor, ct);
        if (!scope.CanRegisterFor(lead!))
        {
            await audit.RefusedAsync(db, actor, "Review", null, null, $"register a notification for CSP {lead!.Id}", ct);
            return new AccessRefused("registering reviews for that CSP (its reviews are run by another office)");
        }

        var office = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == lead!.ServingOfficeId, ct);
        var year = n.DateNotified!.Value.Year;

        // The reference sequence is per office code and year, whichever office leads the review now (a CSP that moved
        // took its reviews, references and all). Unique indexes on the reference and the label settle a race between
        // two officers registering at once: the loser retries with the next number.
        var prefix = ReferencePrefix(office.Code!, year);
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.Reviews.Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(ct);
            var review = NewReview(actor, n, lead!, office, label, NextReference(office.Code!, year, taken));
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Reviews.Add(review);
                await db.SaveChangesAsync(ct);
                // The process starts in the same transaction: journal, decision clock and first task.
                await engine.StartAsync(db, review, actor, ct);
                audit.Add(db, actor, AuditAction.Created, "Review", review.Id.ToString(), review.Id, review.Reference,
                    "Registered notification: " + string.Join(", ", FieldsEntered(n)));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return new RegisteredReview(review.Id, review.Reference, review.CaseLabel);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await LabelTakenAsync(db, label, ct))
                {
                    return new ValidationFailed([LabelTaken(label)]);
                }
            }
        }
    }

    public static string ReferencePrefix(string officeCode, int year) => $"{officeCode}-{year}-";

    public static string NextReference(string officeCode, int year, IEnumerable<string> taken)
    {
        var prefix = ReferencePrefix(officeCode, year);
        var last = taken.Where(r => r.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), out var s) ? s : 0)
            .DefaultIfEmpty(0).Max();
        return CaseLabels.Reference(officeCode, year, last + 1);
    }

    private Review NewReview(Actor actor, Notification n, Organisation lead, Organisation office, string label, string reference) => new()
    {
        Reference = reference,
        CaseLabel = label,
        CaseLabelKey = CaseLabels.Normalise(label),
        SearchText = SearchTextOf(label, reference),
        Type = n.Type,
        JointWithSar = n.JointWithSar,
        JointWithCspr = n.JointWithCspr,
        IsAlternativeReview = n.IsAlternativeReview,
        LeadCspId = lead.Id,
        LeadOfficeId = office.Id,
        NotifyingAgencyId = n.NotifyingAgencyId!.Value,
        DateNotified = n.DateNotified!.Value,
        NotificationYear = n.DateNotified.Value.Year,
        DeathYear = n.DeathYear!.Value,
        DeathMonth = n.DeathMonth!.Value,
        NumberOfDeceased = n.NumberOfDeceased,
        Summary = n.Summary?.Trim() ?? string.Empty,
        Stage = Stage.NotificationReceived,
        CreatedAtUtc = clock.UtcNow,
        CreatedByUserId = actor.UserId,
        InvolvedCsps = n.OtherCspIds.Distinct().Select(id => new ReviewCsp { CspId = id }).ToList(),
        Restricted = string.IsNullOrWhiteSpace(n.DeceasedNames) && string.IsNullOrWhiteSpace(n.PerpetratorNames)
            ? null
            : new RestrictedDetails { DeceasedNames = n.DeceasedNames?.Trim(), PerpetratorNames = n.PerpetratorNames?.Trim() },
    };

    private static Task<bool> LabelTakenAsync(IReviewDb db, string label, CancellationToken ct)
    {
        var key = CaseLabels.Normalise(label);
        return db.Reviews.AnyAsync(r => r.CaseLabelKey == key, ct);
    }

    private static Error LabelTaken(string label) =>
        new($"The case label \"{label}\" is already used by another review: choose another, e.g. the suggested one.", nameof(Notification.CaseLabel));

    /// "case label|reference", lower-cased: one column that search and label uniqueness use on both providers.
    public static string SearchTextOf(string caseLabel, string reference) => CaseLabels.Normalise(caseLabel) + "|" + reference.ToLowerInvariant();

    private static IEnumerable<string> FieldsEntered(Notification n)
    {
        yield return "type";
        yield return "lead CSP";
        if (n.OtherCspIds.Count > 0)
        {
            yield return "other CSPs";
        }

        yield return "notifying agency";
        yield return "date notified";
        yield return "month of death";
        yield return "number of deceased";
        yield return "case label";
        if (!string.IsNullOrWhiteSpace(n.DeceasedNames) || !string.IsNullOrWhiteSpace(n.PerpetratorNames))
        {
            yield return "restricted details";
        }

        if (!string.IsNullOrWhiteSpace(n.Summary))
        {
            yield return "summary";
        }
    }
}
