using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Authors;

/// What the directory form sends: money as typed ("£450", "450.00"), checked here.
public sealed record AuthorProfileForm(
    string? Name, string? Email, string? Phone, string? Specialisms, string? Areas, DateOnly? DbsCheckedOn, string? Availability,
    string? DayRate, string? ReviewFee, int? ExpectedVersion = null);

public sealed record SavedAuthorProfile(int Id, bool Invited);

/// Adds or changes a directory entry (office staff). A new entry is linked to the independent author account with
/// the same email; if there is none, the person is invited (Workflows/Accounts/InviteUser.cs) and the entry is saved
/// with the new account, in one transaction.
public sealed class SaveAuthorProfileHandler(IReviewDbFactory dbs, InviteUserHandler invite, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<SavedAuthorProfile>> AddAsync(Actor actor, AuthorProfileForm form, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AuthorProfile", null, null, "add an author to the directory", ct);
            return new AccessRefused("the directory of independent authors");
        }

        var email = form.Email?.Trim() ?? string.Empty;
        var errors = Validate(form, clock.Today, out var dayRate, out var reviewFee);
        errors.AddRange(AccountRules.CheckEmail(email).Select(e => e with { Field = nameof(AuthorProfileForm.Email) }));
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var normalised = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id }).SingleOrDefaultAsync(ct);
        if (user is not null)
        {
            if (await db.AuthorProfiles.AnyAsync(p => p.UserId == user.Id, ct))
            {
                return new ValidationFailed([new Error("This person is already in the directory: find them by their email and change their entry.", nameof(AuthorProfileForm.Email))]);
            }

            if (!await ChairAuthors.Active(db).AnyAsync(u => u.Id == user.Id, ct))
            {
                return new ValidationFailed([new Error(
                    "This email belongs to an account that is not an active independent chair/author: ask an administrator to check the account.",
                    nameof(AuthorProfileForm.Email))]);
            }

            var profile = New(user.Id, email, form, dayRate, reviewFee);
            db.AuthorProfiles.Add(profile);
            audit.Add(db, actor, AuditAction.Created, "AuthorProfile", user.Id, detail: "author directory entry for an existing account");
            await db.SaveChangesAsync(ct);
            return new SavedAuthorProfile(profile.Id, Invited: false);
        }

        AuthorProfile? added = null;
        var invited = await invite.HandleAsync(actor, new Invite(form.Name, email, new UserAccess([Role.IndependentAuthor], [], [])), (inviteDb, account) =>
        {
            added = New(account.Id, email, form, dayRate, reviewFee);
            inviteDb.AuthorProfiles.Add(added);
            audit.Add(inviteDb, actor, AuditAction.Created, "AuthorProfile", account.Id, detail: "author directory entry, account invited");
        }, ct);
        if (!invited.IsSuccess)
        {
            return invited.Error is ValidationFailed failed
                ? new ValidationFailed(failed.Errors.Select(e => e.Field == "DisplayName" ? e with { Field = nameof(AuthorProfileForm.Name) } : e).ToList())
                : invited.Error!;
        }

        return new SavedAuthorProfile(added!.Id, Invited: true);
    }

    /// Changes an entry; the email stays the account's (administrators change accounts).
    public async Task<Result<SavedAuthorProfile>> ChangeAsync(Actor actor, int profileId, AuthorProfileForm form, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!actor.IsOfficeStaff)
        {
            await audit.RefusedAsync(db, actor, "AuthorProfile", profileId.ToString(), null, "change an author's entry", ct);
            return new AccessRefused("the directory of independent authors");
        }

        var profile = await db.AuthorProfiles.SingleOrDefaultAsync(p => p.Id == profileId, ct);
        if (profile is null)
        {
            return new NotFound("The directory entry");
        }

        if (form.ExpectedVersion is int expected && expected != profile.Version)
        {
            return new Conflict("This directory entry");
        }

        var errors = Validate(form, clock.Today, out var dayRate, out var reviewFee);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        Apply(profile, form, dayRate, reviewFee);
        profile.UpdatedAtUtc = clock.UtcNow;
        profile.Version++;
        audit.Add(db, actor, AuditAction.Changed, "AuthorProfile", profile.UserId, detail: "author directory entry changed");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This directory entry");
        }

        return new SavedAuthorProfile(profile.Id, Invited: false);
    }

    private AuthorProfile New(string userId, string email, AuthorProfileForm form, long? dayRate, long? reviewFee)
    {
        var profile = new AuthorProfile { UserId = userId, Name = string.Empty, Email = email, CreatedAtUtc = clock.UtcNow, UpdatedAtUtc = clock.UtcNow };
        Apply(profile, form, dayRate, reviewFee);
        return profile;
    }

    private static void Apply(AuthorProfile p, AuthorProfileForm form, long? dayRate, long? reviewFee)
    {
        p.Name = form.Name!.Trim();
        p.Phone = Clean(form.Phone);
        p.Specialisms = Clean(form.Specialisms);
        p.Areas = Clean(form.Areas);
        p.DbsCheckedOn = form.DbsCheckedOn;
        p.Availability = Clean(form.Availability);
        p.DayRatePence = dayRate;
        p.ReviewFeePence = reviewFee;
        p.RefreshSearchText();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<Error> Validate(AuthorProfileForm form, DateOnly today, out long? dayRate, out long? reviewFee)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(new Error(message, field));
        var name = form.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            Add(nameof(form.Name), "Enter the person's name.");
        }
        else if (name.Length > AuthorProfile.NameMaxLength)
        {
            Add(nameof(form.Name), $"The name must be {AuthorProfile.NameMaxLength} characters or fewer.");
        }

        if (form.Phone?.Trim().Length > AuthorProfile.PhoneMaxLength)
        {
            Add(nameof(form.Phone), $"The phone number must be {AuthorProfile.PhoneMaxLength} characters or fewer.");
        }

        foreach (var (field, text) in new[] { (nameof(form.Specialisms), form.Specialisms), (nameof(form.Areas), form.Areas), (nameof(form.Availability), form.Availability) })
        {
            if (text?.Trim().Length > AuthorProfile.TextMaxLength)
            {
                Add(field, $"Keep this to {AuthorProfile.TextMaxLength} characters or fewer.");
            }
        }

        if (form.DbsCheckedOn > today)
        {
            Add(nameof(form.DbsCheckedOn), "The DBS check date cannot be in the future.");
        }

        dayRate = OptionalMoney(form.DayRate, nameof(form.DayRate), "the daily rate", errors);
        reviewFee = OptionalMoney(form.ReviewFee, nameof(form.ReviewFee), "the usual fee for a review", errors);
        return errors;
    }

    private static long? OptionalMoney(string? text, string field, string what, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Money.Parse(text, field, what, out var pence) is { } error)
        {
            errors.Add(error);
            return null;
        }

        return pence;
    }
}
