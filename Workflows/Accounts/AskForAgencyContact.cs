using Domain;
using Domain.Access;
using Domain.Accounts;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Accounts;

/// A review officer or manager asks for an agency contact account (the invite page, role Agency contact).
public sealed record AskForAgencyContact(string? DisplayName, string? Email, int? AgencyId);

public sealed record AskedForAgencyContact(long RequestId, string Email, string Agency, int AdministratorsTold);

/// Officers could mint agency contacts for any agency, an address of their own included (issue 13, finding 2). Now an
/// officer only asks, for an agency that works with their office; the request waits, with no account and no email to the
/// person, until an administrator approves or refuses it (DecideAgencyContactRequest). Every active administrator is
/// told by email; the request is audited.
public sealed class AskForAgencyContactHandler(IReviewDbFactory dbs, IOutbox outbox, EmailOptions email, BusinessClock clock, AuditLog audit)
{
    public const string EmailReason = "AgencyContactToApprove";

    public async Task<Result<AskedForAgencyContact>> HandleAsync(Actor actor, AskForAgencyContact request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AgencyContactRequest", null, null, "ask for an agency contact", ct);
            return new AccessRefused("asking for agency contacts (review officers and managers only)");
        }

        var name = request.DisplayName?.Trim() ?? string.Empty;
        var address = request.Email?.Trim() ?? string.Empty;
        var errors = AccountRules.CheckDisplayName(name).Concat(AccountRules.CheckEmail(address)).ToList();
        var offices = actor.OfficeIds.ToList();
        var agency = request.AgencyId is int id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id && o.Kind == OrganisationKind.Agency && o.IsActive
                    && db.AgencyOffices.Any(a => a.AgencyId == o.Id && offices.Contains(a.OfficeId)))
                .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct)
            : null;
        if (agency is null)
        {
            errors.Add(new Error("Choose the one agency this person works for, from the agencies that work with your office (an administrator records which do).",
                nameof(UserAccess.AgencyIds)));
        }

        if (errors.All(e => e.Field != nameof(AskForAgencyContact.Email)))
        {
            var normalised = address.ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, ct))
            {
                errors.Add(new Error("An account with this email address already exists: ask an administrator to change its access.", nameof(AskForAgencyContact.Email)));
            }
            else if (await db.AgencyContactRequests.AnyAsync(r => r.Email.ToUpper() == normalised && r.Status == AgencyContactRequestStatus.Pending, ct))
            {
                errors.Add(new Error("A request for this address is already waiting for an administrator's approval.", nameof(AskForAgencyContact.Email)));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var asked = new AgencyContactRequest
        {
            DisplayName = name,
            Email = address,
            AgencyId = agency!.Id,
            RequestedByUserId = actor.UserId,
            RequestedAtUtc = clock.UtcNow,
            Status = AgencyContactRequestStatus.Pending,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.AgencyContactRequests.Add(asked);
        await db.SaveChangesAsync(ct);

        // Administrators get the agency and the asking office; the person's name and address wait on the approval page.
        var administrators = await Administrators.ActiveAsync(db, ct);
        var askingOffices = string.Join(", ", await db.Organisations.AsNoTracking().Where(o => offices.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => o.Name).ToListAsync(ct));
        foreach (var admin in administrators)
        {
            await outbox.EnqueueAsync(db, new OutgoingEmail(admin.Email, admin.UserId, EmailReason, $"contact-request:{asked.Id}", EmailReason,
                new Dictionary<string, string>
                {
                    ["Agency"] = agency.Name,
                    ["Office"] = askingOffices,
                    ["Link"] = email.LinkTo(AgencyContactRequests.PagePath),
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }), ct);
        }

        audit.Add(db, actor, AuditAction.Created, "AgencyContactRequest", asked.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            detail: $"Asked for an agency contact account for {agency.Name}: waiting for an administrator's approval ({administrators.Count} told)");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AskedForAgencyContact(asked.Id, address, agency.Name, administrators.Count);
    }
}

/// The active administrators, who approve what only an administrator may (agency contacts asked for by officers).
internal static class Administrators
{
    public sealed record Person(string UserId, string Email);

    public static async Task<List<Person>> ActiveAsync(IReviewDb db, CancellationToken ct) =>
        await (from u in db.Users
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == Roles.Administrator && !u.IsDisabled && u.Email != null
               orderby u.Email
               select new Person(u.Id, u.Email!)).ToListAsync(ct);
}
