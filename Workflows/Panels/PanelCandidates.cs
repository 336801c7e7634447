using Domain;
using Domain.Access;
using Domain.Panels;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Panels;

public sealed record PanelCandidate(string UserId, string Label, PanelRole SuggestedRole);

/// Accounts an officer can add: agency contacts of the agencies that work with the lead office (agency representatives or
/// specialists), independent authors (specialists), and the review's appointed chair/author (chair). Disabled accounts
/// and current members are left out.
public sealed class PanelCandidatesQuery(IReviewDbFactory dbs, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<PanelCandidate>>> HandleAsync(Actor actor, int reviewId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await PanelAccess.CheckAsync(db, audit, actor, reviewId, manage: true, "list panel candidates", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var current = await db.ReviewParticipants.PanelMembers(reviewId).Select(p => p.UserId).ToListAsync(ct);
        var chairs = await db.ReviewParticipants.ChairAuthors(reviewId).Select(p => p.UserId).ToListAsync(ct);
        var contacts = await AgencyContacts.ForOffice(db, access.Value.LeadOfficeId).Where(c => !current.Contains(c.UserId))
            .Select(c => new { Id = c.UserId, DisplayName = c.Name, c.Email, Contact = true }).AsNoTracking().ToListAsync(ct);
        var authors = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where !u.IsDisabled && r.Name == Roles.IndependentAuthor && !current.Contains(u.Id)
                             select new { u.Id, u.DisplayName, Email = u.Email ?? string.Empty, Contact = false }).AsNoTracking().ToListAsync(ct);
        return contacts.Concat(authors).GroupBy(p => p.Id).Select(g =>
        {
            var p = g.First();
            var role = chairs.Contains(p.Id) ? PanelRole.Chair
                : g.Any(x => x.Contact) ? PanelRole.AgencyRepresentative : PanelRole.Specialist;
            return new PanelCandidate(p.Id, $"{p.DisplayName} ({p.Email})", role);
        }).OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
