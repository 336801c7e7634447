using System.Net.Mail;
using Domain;
using Domain.Access;
using Domain.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Workflows.Accounts;

/// What an account may do: its roles, and the review offices and agencies it belongs to.
public sealed record UserAccess(IReadOnlyCollection<Role> Roles, IReadOnlyCollection<int> OfficeIds, IReadOnlyCollection<int> AgencyIds)
{
    /// Rules that need no database (DOMAIN.md: access comes from role plus membership).
    public IReadOnlyList<Error> Validate()
    {
        var errors = new List<Error>();
        if (Roles.Count == 0 || Roles.Any(r => !Enum.IsDefined(r)))
        {
            errors.Add(new Error("Choose at least one role from the list: an account without a role can do nothing.", nameof(Roles)));
        }

        if ((Roles.Contains(Role.ReviewOfficer) || Roles.Contains(Role.Manager)) && OfficeIds.Count == 0)
        {
            errors.Add(new Error("Choose the review office this person works for: review officers and managers see the cases of the CSPs their office serves.",
                nameof(OfficeIds)));
        }

        if (Roles.Contains(Role.AgencyContact) && AgencyIds.Count != 1)
        {
            errors.Add(new Error(AgencyIds.Count == 0
                ? "Choose the agency this person works for: agency contacts see the requests addressed to them at their agency."
                : "An agency contact works for one agency: choose one (someone who answers for two agencies needs an account for each).",
                nameof(AgencyIds)));
        }

        return errors;
    }
}

internal static class AccountRules
{
    public const int DisplayNameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const string RolesChanged = "roles";
    public const string MembershipsChanged = "memberships";

    public static IEnumerable<Error> CheckDisplayName(string name)
    {
        if (name.Length == 0)
        {
            yield return new Error("Enter the person's name as colleagues know it, e.g. Olivia Officer.", "DisplayName");
        }
        else if (name.Length > DisplayNameMaxLength)
        {
            yield return new Error($"The name must be {DisplayNameMaxLength} characters or fewer.", "DisplayName");
        }
    }

    public static IEnumerable<Error> CheckEmail(string email)
    {
        if (email.Length == 0)
        {
            yield return new Error("Enter the person's work email address: it is also their sign-in name.", "Email");
        }
        else if (email.Length > EmailMaxLength || !MailAddress.TryCreate(email, out var address) || address.Address != email || !address.Host.Contains('.'))
        {
            yield return new Error("Enter an email address in the form name@example.org.", "Email");
        }
    }

    public static Error EmailTaken { get; } =
        new("An account with this email address already exists: find it in the list of users and change its roles instead.", "Email");

    /// Identity's own checks (password rules, a duplicate appearing meanwhile) as errors beside the right field.
    public static IEnumerable<Error> Describe(IEnumerable<IdentityError> errors) => errors.Select(e => e.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => EmailTaken,
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            new Error("The email address can contain only letters, digits and - . _ @ +: check it for typing errors.", "Email"),
        _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new Error(e.Description, "TemporaryPassword"),
        _ => new Error(e.Description),
    }).Distinct();

    /// New memberships must be of active review offices and agencies; one the account already holds may stay after
    /// its organisation was deactivated (it gives no access while inactive).
    public static async Task<List<Error>> CheckOrganisationsAsync(IReviewDb db, UserAccess access, IReadOnlyCollection<int> held, CancellationToken ct)
    {
        var ids = access.OfficeIds.Concat(access.AgencyIds).Distinct().ToArray();
        var orgs = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Kind, o.IsActive }).ToListAsync(ct);
        bool Allowed(int id, OrganisationKind kind) => orgs.Any(o => o.Id == id && o.Kind == kind && (o.IsActive || held.Contains(id)));

        var errors = new List<Error>();
        if (!access.OfficeIds.All(id => Allowed(id, OrganisationKind.ReviewOffice)))
        {
            errors.Add(new Error("One of the review offices was not found or is inactive: choose offices from the list.", nameof(UserAccess.OfficeIds)));
        }

        if (!access.AgencyIds.All(id => Allowed(id, OrganisationKind.Agency)))
        {
            errors.Add(new Error("One of the agencies was not found or is inactive: choose agencies from the list.", nameof(UserAccess.AgencyIds)));
        }

        return errors;
    }

    /// Stages the account's roles and memberships to match the given access (the caller saves, with its audit row).
    /// Returns what changed, by name.
    public static async Task<List<string>> ReplaceAccessAsync(IReviewDb db, string userId, UserAccess access, CancellationToken ct)
    {
        var changed = new List<string>();
        var roleIds = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var wantedRoles = access.Roles.Select(r => roleIds[r.ToString()]).ToHashSet();
        var roles = await db.UserRoles.Where(ur => ur.UserId == userId).ToListAsync(ct);
        if (Sync(roles, wantedRoles, ur => ur.RoleId, id => new IdentityUserRole<string> { UserId = userId, RoleId = id }, db.UserRoles))
        {
            changed.Add(RolesChanged);
        }

        var wantedOrgs = access.OfficeIds.Concat(access.AgencyIds).ToHashSet();
        var memberships = await db.Memberships.Where(m => m.UserId == userId).ToListAsync(ct);
        if (Sync(memberships, wantedOrgs, m => m.OrganisationId, id => new Membership { UserId = userId, OrganisationId = id }, db.Memberships))
        {
            changed.Add(MembershipsChanged);
        }

        return changed;
    }

    private static bool Sync<TRow, TKey>(List<TRow> current, HashSet<TKey> wanted, Func<TRow, TKey> key, Func<TKey, TRow> create, DbSet<TRow> set)
        where TRow : class
    {
        var removed = current.Where(row => !wanted.Contains(key(row))).ToList();
        var added = wanted.Except(current.Select(key)).Select(create).ToList();
        set.RemoveRange(removed);
        set.AddRange(added);
        return removed.Count + added.Count > 0;
    }

    public static async Task<ILookup<string, Role>> RolesOfAsync(IReviewDb db, IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          where userIds.Contains(ur.UserId)
                          select new { ur.UserId, r.Name }).ToListAsync(ct);
        return rows.Where(x => Enum.TryParse<Role>(x.Name, out _)).ToLookup(x => x.UserId, x => Enum.Parse<Role>(x.Name!));
    }

    public static async Task<ILookup<string, OrganisationChoice>> MembershipsOfAsync(IReviewDb db, IReadOnlyCollection<string> userIds,
        OrganisationKind? kind, CancellationToken ct)
    {
        var rows = await (from m in db.Memberships
                          join o in db.Organisations on m.OrganisationId equals o.Id
                          where userIds.Contains(m.UserId) && (kind == null || o.Kind == kind)
                          orderby o.Name
                          select new { m.UserId, Choice = new OrganisationChoice(o.Id, o.Name, o.IsActive) }).ToListAsync(ct);
        return rows.ToLookup(x => x.UserId, x => x.Choice);
    }
}
