using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Family;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Family;

public sealed record NewFamilyContact(int ReviewId, DateOnly? On, string? Who, ContactMethod? How, string? Summary);

/// Adds a contact to the family engagement log. The audit row names the fields, never what was said.
public sealed class RecordFamilyContactHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<long>> HandleAsync(Actor actor, NewFamilyContact input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await FamilyAccess.ForEditAsync(db, audit, actor, input.ReviewId, "record family contact", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var errors = FamilyRules.CheckContact(input.On, input.Who, input.How, input.Summary, clock.Today);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var contact = new FamilyContact
        {
            ReviewId = input.ReviewId,
            On = input.On!.Value,
            Who = atRest.Protect(AtRest.FamilyContactWho, input.Who!.Trim())!,
            How = input.How!.Value,
            Summary = atRest.Protect(AtRest.FamilyContactSummary, input.Summary!.Trim())!,
            RecordedByUserId = actor.UserId,
            RecordedAtUtc = clock.UtcNow,
        };
        db.FamilyContacts.Add(contact);
        audit.Add(db, actor, AuditAction.Created, "FamilyContact", null, input.ReviewId, access.Value.Reference, "family contact: On, Who, How, Summary");
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
