using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Authors;

/// An independent author's own availability: the one part of their directory entry they edit themselves.
public sealed class MyAvailabilityHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<string?>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var profile = await db.AuthorProfiles.AsNoTracking().Where(p => p.UserId == actor.UserId).Select(p => new { p.Availability }).SingleOrDefaultAsync(ct);
        if (!actor.Is(Role.IndependentAuthor) || profile is null)
        {
            return new NotFound("Your entry in the directory of independent authors");
        }

        return profile.Availability;
    }

    public async Task<Result<string?>> SaveAsync(Actor actor, string? availability, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var profile = actor.Is(Role.IndependentAuthor) ? await db.AuthorProfiles.SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct) : null;
        if (profile is null)
        {
            await audit.RefusedAsync(db, actor, "AuthorProfile", null, null, "change own availability", ct);
            return new NotFound("Your entry in the directory of independent authors");
        }

        var text = string.IsNullOrWhiteSpace(availability) ? null : availability.Trim();
        if (text?.Length > AuthorProfile.TextMaxLength)
        {
            return new ValidationFailed([new Error($"Keep your availability to {AuthorProfile.TextMaxLength} characters or fewer.", nameof(AuthorProfile.Availability))]);
        }

        profile.Availability = text;
        profile.UpdatedAtUtc = clock.UtcNow;
        profile.Version++;
        audit.Add(db, actor, AuditAction.Changed, "AuthorProfile", profile.UserId, detail: "own availability");
        await db.SaveChangesAsync(ct);
        return text;
    }
}
