using System.Security.Cryptography;
using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Admin;

/// A new account. TemporaryPassword null or empty: the portal generates a strong one.
public sealed record NewUser(string? DisplayName, string? Email, string? TemporaryPassword, UserAccess Access);

/// The temporary password is returned once, for the administrator to pass on; it is stored only as a hash.
public sealed record CreatedUser(string Id, string Email, string TemporaryPassword, bool PasswordWasGenerated);

public sealed class CreateUserHandler(IReviewDbFactory dbs, IServiceScopeFactory scopes, BusinessClock clock, AuditLog audit, RoleGrants grants)
{
    public async Task<Result<CreatedUser>> HandleAsync(Actor actor, NewUser request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "User", null, "create a user account", ct) is { } refused)
        {
            return refused;
        }

        // UserManager is scoped (it holds a context of its own): a scope for this operation only, never for a circuit.
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var generated = string.IsNullOrEmpty(request.TemporaryPassword);
        var password = generated ? TemporaryPasswords.Generate(Math.Max(16, users.Options.Password.RequiredLength + 4)) : request.TemporaryPassword!;
        var created = await NewAccounts.CreateAsync(db, users, new NewAccount(request.DisplayName, request.Email, password, request.Access),
            actor, clock, audit, grants, "temporary password", stage: null, ct);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        var user = created.Value;
        return new CreatedUser(user.Id, user.Email!, password, generated);
    }
}

/// What both ways of creating an account share: CreateUserHandler (a temporary password) and InviteUserHandler
/// (no password: an emailed invitation). Password null: the account has none until the person sets one.
internal sealed record NewAccount(string? DisplayName, string? Email, string? Password, UserAccess Access);

internal static class NewAccounts
{
    /// Validates, creates the account, grants its roles and memberships, lets the caller stage more rows (an invitation
    /// and its email) and writes the audit row, all saved together. The caller has checked who may do this. Grants null:
    /// the roles are granted as they are, for the first administrator alone (there is no second to approve); otherwise a
    /// role that needs a second administrator's approval is asked for (RoleGrants).
    public static async Task<Result<PortalUser>> CreateAsync(IReviewDb db, UserManager<PortalUser> users, NewAccount request, Actor actor,
        BusinessClock clock, AuditLog audit, RoleGrants? grants, string credential, Func<PortalUser, Task>? stage, CancellationToken ct)
    {
        var email = request.Email?.Trim() ?? string.Empty;
        var name = request.DisplayName?.Trim() ?? string.Empty;
        // A password given by an administrator is temporary; one the person sets (by invitation) is their own.
        var user = new PortalUser { UserName = email, Email = email, DisplayName = name, CreatedAtUtc = clock.UtcNow, MustChangePassword = request.Password is not null };

        var errors = AccountRules.CheckDisplayName(name).Concat(AccountRules.CheckEmail(email)).Concat(request.Access.Validate()).ToList();
        errors.AddRange(await AccountRules.CheckOrganisationsAsync(db, request.Access, [], ct));
        if (!errors.Any(e => e.Field == nameof(NewUser.Email)) && await users.FindByEmailAsync(email) is not null)
        {
            errors.Add(AccountRules.EmailTaken);
        }

        if (request.Password is not null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                errors.AddRange(AccountRules.Describe((await validator.ValidateAsync(users, user, request.Password)).Errors));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var created = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            return new ValidationFailed(AccountRules.Describe(created.Errors).ToList());
        }

        try
        {
            var granted = grants is null
                ? await AccountRules.ReplaceAccessAsync(db, user.Id, request.Access, ct)
                : await grants.ApplyAsync(db, actor, user.Id, request.Access, ct);
            if (stage is not null)
            {
                await stage(user);
            }

            audit.Add(db, actor, AuditAction.Created, "User", user.Id,
                detail: "Created account: " + string.Join(", ", ["display name", "email", credential, .. granted]));
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // The account row is saved by UserManager's own context; if its roles, memberships or audit row cannot
            // follow, remove it rather than leave an account that nobody recorded creating.
            await users.DeleteAsync(user);
            throw;
        }

        return user;
    }
}

public static class TemporaryPasswords
{
    // No look-alikes (0/O, 1/l/I), so that a password read out over the phone is typed right first time.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@";

    /// Random from a cryptographic source, with at least one of each kind of character Identity's rules ask for.
    public static string Generate(int length = 16)
    {
        string[] sets = [Upper, Lower, Digits, Symbols];
        var all = string.Concat(sets);
        var chars = new char[Math.Max(length, sets.Length)];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = i < sets.Length ? sets[i] : all;
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
