using System.Security.Cryptography;
using System.Text;
using Domain.Access;
using Domain.Accounts;
using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Accounts;

/// Issues invitation tokens: the link carries the token, the database only its SHA-256 hash.
public sealed class Invitations(IOutbox outbox, EmailOptions email, InvitationOptions options, BusinessClock clock)
{
    public const string AcceptPath = "Account/AcceptInvitation";

    /// Who may invite whom: administrators anyone; review officers and managers only independent authors (never office
    /// memberships, which would open the office's cases). An officer's agency contact is an AskForAgencyContact that an
    /// administrator approves (issue 13, finding 2): contacts see what agencies are sent, so nobody mints their own.
    public static bool MayInvite(Actor actor, IReadOnlyCollection<Role> roles, IReadOnlyCollection<int> officeIds) =>
        actor.Is(Role.Administrator)
        || (actor.IsOfficeStaff && roles.Count > 0 && roles.All(r => r is Role.IndependentAuthor) && officeIds.Count == 0);

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    /// Stages a new invitation and its email in the caller's context, revoking any earlier one still usable:
    /// only the newest link works.
    public async Task<Invitation> IssueAsync(IReviewDb db, PortalUser user, IEnumerable<Role> roles, Actor invitedBy, CancellationToken ct) =>
        (await IssueAsync(db, user, roles, invitedBy, sendEmail: true, ct)).Invitation;

    /// As above, and returns the link itself. sendEmail false stages no email: the caller hands the link over (the
    /// first administrator's, printed by the command that creates it when the portal has no SMTP server).
    public async Task<IssuedInvitation> IssueAsync(IReviewDb db, PortalUser user, IEnumerable<Role> roles, Actor invitedBy, bool sendEmail,
        CancellationToken ct)
    {
        var now = clock.UtcNow;
        await db.Invitations.Where(i => i.UserId == user.Id && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ForEachAsync(i => i.RevokedAtUtc = now, ct);

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            CreatedAtUtc = now,
            ExpiresAtUtc = now + options.Lifetime,
            InvitedByUserId = string.IsNullOrEmpty(invitedBy.UserId) ? null : invitedBy.UserId,
        };
        db.Invitations.Add(invitation);

        var link = email.LinkTo($"{AcceptPath}?token={token}");
        if (!sendEmail)
        {
            return new IssuedInvitation(invitation, link);
        }

        // No names in the email, not even the invitee's own (DOMAIN.md): the address and the roles say enough. The link
        // is a secret of the outbox: the stored row never holds it in plain, and not at all once it is sent.
        var values = new Dictionary<string, string>
        {
            ["Roles"] = string.Join(", ", roles.Order().Select(Roles.Describe)),
            ["ExpiresAt"] = UkDate.FormatWithTime(invitation.ExpiresAtUtc),
            ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
        };
        await outbox.EnqueueAsync(db, new OutgoingEmail(user.Email!, user.Id, EmailReasons.Invitation, invitation.TokenHash[..16], "Invitation", values,
            Secrets: new Dictionary<string, string> { ["Link"] = link }), ct);
        return new IssuedInvitation(invitation, link);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// The link carries the token, which the database never stores in plain: it exists here, in the email, and protected
/// at rest in the outbox row until the email is sent.
public sealed record IssuedInvitation(Invitation Invitation, string Link);
