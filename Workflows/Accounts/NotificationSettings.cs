using Domain;
using Domain.Access;
using Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Accounts;

/// A person's own email choices. Invitations and overdue escalations always go out; these are the optional ones.
public sealed record EmailPreferences(bool DueSoonReminders, bool DailyDigest, bool CanChooseDigest);

public sealed class EmailPreferencesHandler(IReviewDbFactory dbs, BusinessClock clock)
{
    public async Task<Result<EmailPreferences>> GetAsync(Actor actor, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(actor.UserId))
        {
            return new AccessRefused("email preferences");
        }

        await using var db = await dbs.CreateAsync(ct);
        var row = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct)
            ?? new NotificationPreferences { UserId = actor.UserId };
        return new EmailPreferences(row.DueSoonReminders, row.DailyDigest && CanChooseDigest(actor), CanChooseDigest(actor));
    }

    /// Always the signed-in person's own record: there is no user id to tamper with.
    public async Task<Result<EmailPreferences>> SaveAsync(Actor actor, bool dueSoonReminders, bool dailyDigest, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(actor.UserId))
        {
            return new AccessRefused("email preferences");
        }

        if (dailyDigest && !CanChooseDigest(actor))
        {
            return new Error("The daily digest is for managers: it lists the overdue and due-soon items of their partnerships.", nameof(EmailPreferences.DailyDigest));
        }

        await using var db = await dbs.CreateAsync(ct);
        var row = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == actor.UserId, ct);
        if (row is null)
        {
            row = new NotificationPreferences { UserId = actor.UserId };
            db.NotificationPreferences.Add(row);
        }

        (row.DueSoonReminders, row.DailyDigest, row.UpdatedAtUtc) = (dueSoonReminders, dailyDigest, clock.UtcNow);
        await db.SaveChangesAsync(ct);
        return new EmailPreferences(row.DueSoonReminders, row.DailyDigest, CanChooseDigest(actor));
    }

    private static bool CanChooseDigest(Actor actor) => actor.Is(Role.Manager);
}
