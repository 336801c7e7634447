using Domain;
using Domain.Access;
using Workflows.Data;

namespace Workflows.Audit;

/// Used by the administrators' features (accounts, organisations) and the outgoing mail pages alike.
internal static class AdministratorsOnly
{
    /// Only administrators manage organisations and accounts. Anyone else is refused, and the refusal is audited,
    /// whatever the page showed them: the server decides.
    public static async Task<Error?> RefuseUnlessAdministratorAsync(this AuditLog audit, IReviewDb db, Actor actor, string subject,
        string? subjectId, string attempted, CancellationToken ct)
    {
        if (actor.Is(Role.Administrator))
        {
            return null;
        }

        await audit.RefusedAsync(db, actor, subject, subjectId, null, attempted, ct);
        return new AccessRefused("managing organisations and user accounts");
    }
}
