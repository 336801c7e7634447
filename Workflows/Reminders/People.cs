using Domain.Access;
using Domain.Accounts;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;
using Workflows.Email;

namespace Workflows.Reminders;

/// Active accounts with their roles, organisations and email choices, loaded once per scan.
internal sealed class People
{
    private readonly Dictionary<string, Person> _byId;
    private readonly Dictionary<string, NotificationPreferences> _preferences;

    private People(Dictionary<string, Person> byId, Dictionary<string, NotificationPreferences> preferences) =>
        (_byId, _preferences) = (byId, preferences);

    internal sealed record Person(string Id, string Email, HashSet<Role> Roles, HashSet<int> Organisations);

    public static async Task<People> LoadAsync(IReviewDb db, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.Email != null).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().ToListAsync(ct);
        var byId = users.ToDictionary(u => u.Id, u => new Person(u.Id, u.Email!,
            roles.Where(r => r.UserId == u.Id && Enum.TryParse<Role>(r.Name, out _)).Select(r => Enum.Parse<Role>(r.Name!)).ToHashSet(),
            memberships.Where(m => m.UserId == u.Id).Select(m => m.OrganisationId).ToHashSet()));
        var preferences = await db.NotificationPreferences.AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        return new People(byId, preferences);
    }

    public IEnumerable<Person> All => _byId.Values;

    public IEnumerable<ReminderScan.Recipient> Active(string userId) =>
        _byId.TryGetValue(userId, out var p) ? [new ReminderScan.Recipient(p.Email, p.Id)] : [];

    public IEnumerable<ReminderScan.Recipient> Staff(int organisationId, Role role) =>
        _byId.Values.Where(p => p.Roles.Contains(role) && p.Organisations.Contains(organisationId)).OrderBy(p => p.Email, StringComparer.Ordinal)
            .Select(p => new ReminderScan.Recipient(p.Email, p.Id));

    public bool TakesDigest(string userId) =>
        _byId.TryGetValue(userId, out var p) && p.Roles.Contains(Role.Manager) && _preferences.TryGetValue(userId, out var prefs) && prefs.DailyDigest;

    /// Reminders can be turned off; escalations cannot, but a manager who takes the digest gets them in it instead.
    public bool Wants(string userId, string reason) => reason switch
    {
        EmailReasons.Reminder => !_preferences.TryGetValue(userId, out var prefs) || prefs.DueSoonReminders,
        EmailReasons.OverdueEscalation => !TakesDigest(userId),
        _ => true,
    };
}
