using Domain;
using Domain.Access;
using Domain.Email;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.Email;

/// The email templates as files, for administrators to read, by plain-English name.
public sealed class ReadEmailTemplatesQuery(IReviewDbFactory dbs, IEmailTemplates templates, AuditLog audit)
{
    public async Task<Result<IReadOnlyList<EmailTemplateText>>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (await audit.RefuseUnlessAdministratorAsync(db, actor, "Email", null, "read email templates", ct) is { } refused)
        {
            return refused;
        }

        return Result<IReadOnlyList<EmailTemplateText>>.Ok(templates.All().OrderBy(t => t.About.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }
}
