using System.Security.Cryptography;
using Domain;
using Domain.Access;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Accounts;
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
