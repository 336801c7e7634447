using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Accounts;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Admin;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Accounts;

public sealed record AgencyContactDecided(long RequestId, AgencyContactRequestStatus Status, string? UserId);

/// An administrator approves or refuses an officer's request for an agency contact (AskForAgencyContact). Approving
/// creates the account (role Agency contact, the agency; its offices are those that work with the agency) and emails the
/// person their invitation, in one transaction; the audit row says what was created, who asked and who approved.
/// Refusing records the reason. Either way the officer who asked is told, and the request is decided once: a second
/// administrator deciding at the same moment is told it was already decided.
public sealed class DecideAgencyContactRequestHandler(IReviewDbFactory dbs, IServiceScopeFactory scopes, Invitations invitations, IOutbox outbox,
    EmailOptions email, BusinessClock clock, AuditLog audit, RoleGrants grants)
{
    public const string EmailReason = "AgencyContactDecided";

    public async Task<Result<AgencyContactDecided>> ApproveAsync(Actor actor, long requestId, int version, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (request, error) = await PendingAsync(db, actor, requestId, version, "approve an agency contact", ct);
        if (request is null)
        {
            return error!;
        }

        var askedBy = await db.Users.Where(u => u.Id == request.RequestedByUserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var access = new UserAccess([Role.AgencyContact], [], [request.AgencyId]);
        Result<PortalUser> created;
        try
        {
            created = await NewAccounts.CreateAsync(db, users, new NewAccount(request.DisplayName, request.Email, null, access), actor, clock, audit,
                grants, "invitation", async user =>
                {
                    await invitations.IssueAsync(db, user, access.Roles, actor, ct);
                    Decide(request, actor, AgencyContactRequestStatus.Approved, null);
                    request.CreatedUserId = user.Id;
                    await TellAsync(db, request, "approved", "They have been emailed an invitation to set their password. Once they have, your office can "
                        + "choose them for information requests, actions and panels.", ct);
                }, ct, howApproved: $"Asked for by {askedBy ?? "an officer whose account was removed"} (request {Id(request)}); approved by {actor.Email}.");
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator decided it at the same moment; NewAccounts has removed the account it made.
            return AlreadyDecided;
        }

        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        return new AgencyContactDecided(request.Id, request.Status, created.Value.Id);
    }

    public async Task<Result<AgencyContactDecided>> RefuseAsync(Actor actor, long requestId, int version, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (request, error) = await PendingAsync(db, actor, requestId, version, "refuse an agency contact", ct);
        if (request is null)
        {
            return error!;
        }

        if (AgencyContactRequest.ValidateRefusalReason(reason) is { } invalid)
        {
            return new ValidationFailed([invalid]);
        }

        Decide(request, actor, AgencyContactRequestStatus.Refused, reason!.Trim());
        await TellAsync(db, request, "refused", "The administrator's reason: " + request.RefusalReason, ct);
        audit.Add(db, actor, AuditAction.Changed, "AgencyContactRequest", Id(request),
            detail: $"Refused the agency contact account asked for (request {Id(request)}): no account was created");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AlreadyDecided;
        }

        return new AgencyContactDecided(request.Id, request.Status, null);
    }

    private static Error AlreadyDecided { get; } =
        new Conflict("This request");

    private async Task<(AgencyContactRequest? Request, Error? Error)> PendingAsync(IReviewDb db, Actor actor, long requestId, int version, string what,
        CancellationToken ct)
    {
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "AgencyContactRequest", requestId.ToString(CultureInfo.InvariantCulture), what, ct) is { } refused)
        {
            return (null, refused);
        }

        var request = await db.AgencyContactRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        return request is null ? (null, new NotFound("The request"))
            : request.Status != AgencyContactRequestStatus.Pending
                ? (null, new Error($"This request was already {(request.Status == AgencyContactRequestStatus.Approved ? "approved" : "refused")}: reload the page."))
            : request.Version != version ? (null, AlreadyDecided)
            : (request, null);
    }

    private void Decide(AgencyContactRequest request, Actor actor, AgencyContactRequestStatus status, string? reason)
    {
        request.Status = status;
        request.DecidedByUserId = actor.UserId;
        request.DecidedAtUtc = clock.UtcNow;
        request.RefusalReason = reason;
        request.Version++;
    }

    /// The officer who asked hears the outcome (no email if their account is gone or disabled).
    private async Task TellAsync(IReviewDb db, AgencyContactRequest request, string outcome, string next, CancellationToken ct)
    {
        var officer = await db.Users.Where(u => u.Id == request.RequestedByUserId && !u.IsDisabled && u.Email != null)
            .Select(u => new { u.Id, u.Email }).SingleOrDefaultAsync(ct);
        var agency = await db.Organisations.Where(o => o.Id == request.AgencyId).Select(o => o.Name).SingleAsync(ct);
        if (officer is not null)
        {
            await outbox.EnqueueAsync(db, new OutgoingEmail(officer.Email!, officer.Id, EmailReason, $"contact-request:{request.Id}", EmailReason,
                new Dictionary<string, string>
                {
                    ["Agency"] = agency,
                    ["Outcome"] = outcome,
                    ["Next"] = next,
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }), ct);
        }
    }

    private static string Id(AgencyContactRequest request) => request.Id.ToString(CultureInfo.InvariantCulture);
}
