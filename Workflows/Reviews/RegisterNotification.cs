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

public sealed class RegisterNotificationHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, WorkflowEngine engine, AtRest atRest)
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
        var prefix = CaseLabels.ReferencePrefix(office.Code!, year);
        for (var attempt = 1; ; attempt++)
        {
            var taken = await db.Reviews.Where(r => r.Reference.StartsWith(prefix)).Select(r => r.Reference).ToListAsync(ct);
            var review = NewReview(n, lead!, office, label).Create(CaseLabels.NextReference(office.Code!, year, taken), actor.UserId, clock.UtcNow);
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

    /// Real names go into the review already protected at rest (AtRest): the row never holds them in plain.
    private NewReview NewReview(Notification n, Organisation lead, Organisation office, string label) =>
        new(label, n.Type, lead.Id, office.Id, n.NotifyingAgencyId!.Value, n.DateNotified!.Value, n.DeathYear!.Value, n.DeathMonth!.Value)
        {
            JointWithSar = n.JointWithSar,
            JointWithCspr = n.JointWithCspr,
            IsAlternativeReview = n.IsAlternativeReview,
            NumberOfDeceased = n.NumberOfDeceased,
            Summary = n.Summary,
            OtherCspIds = n.OtherCspIds,
            DeceasedNames = Protect(AtRest.DeceasedNames, n.DeceasedNames),
            PerpetratorNames = Protect(AtRest.PerpetratorNames, n.PerpetratorNames),
        };

    private string? Protect(AtRestField field, string? names) => string.IsNullOrWhiteSpace(names) ? null : atRest.Protect(field, names.Trim());

    private static Task<bool> LabelTakenAsync(IReviewDb db, string label, CancellationToken ct)
    {
        var key = CaseLabels.Normalise(label);
        return db.Reviews.AnyAsync(r => r.CaseLabelKey == key, ct);
    }

    private static Error LabelTaken(string label) =>
        new($"The case label \"{label}\" is already used by another review: choose another, e.g. the suggested one.", nameof(Notification.CaseLabel));

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
