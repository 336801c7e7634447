using Domain;
using Domain.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Admin;

internal static class AdminAccess
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
