using Domain.Access;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Workflows.Access;
using Workflows.Admin;
using Workflows.Data;
using Workflows.Reviews;
using Workflows.Time;

namespace Infrastructure.Seeding;

public sealed record DemoAccount(string Role, string Email);

/// The demo data set just created: its accounts, and the one password they share, to be shown once on the console
/// (DemoAnnouncement) and stored nowhere but as the accounts' hashes.
public sealed record SeededDemo(IReadOnlyList<DemoAccount> Accounts, string Password);

/// The demo data set, only when asked for (`--demo`, or Seed:DemoData=true): two review offices serving several CSPs,
/// a few agencies, one user per role and fifteen reviews registered through the same handler the form uses and moved
/// on through the workflow engine (DemoHistories), then the LR office's day-to-day work on them (DemoWork). Seeded once: a database with organisations is left alone. The
/// accounts share a new random password each time the set is made (Seed:DemoPassword fixes it, for automated tests
/// only: appsettings.json carries none), and a Production start refuses a database that holds them.
public sealed class DemoData(IReviewDbFactory dbs, UserManager<PortalUser> users, ReviewLookups lookups, IConfiguration configuration,
    IServiceProvider services, BusinessClock clock)
{

    public static readonly (Role Role, string Email, string Name, string? Organisation)[] Accounts =
    [
        (Role.ReviewOfficer, "officer@lr.example.org", "Olivia Officer", "Leicestershire & Rutland Safeguarding Partnerships Business Office"),
        (Role.Manager, "manager@lr.example.org", "Max Manager", "Leicestershire & Rutland Safeguarding Partnerships Business Office"),
        (Role.ReviewOfficer, "officer@kent.example.org", "Kit Officer", "Kent Community Safety Team"),
        (Role.IndependentAuthor, "author@example.org", "Alex Author", null),
        (Role.AgencyContact, "contact@police.example.org", "Priya Police", "Leicestershire Police"),
        (Role.CrgMember, "crg@lr.example.org", "Chris CRG", "Leicestershire & Rutland Safeguarding Partnerships Business Office"),
        (Role.BoardMember, "board@lr.example.org", "Bea Board", "Leicestershire & Rutland Safeguarding Partnerships Business Office"),
        (Role.DataProtectionOfficer, "dpo@example.org", "Dana DPO", null),
        (Role.Administrator, "admin@example.org", "Adam Admin", null),
    ];

    /// The demo agencies and the review offices (by code) that work with each. Kent Police works with both offices
    /// (a Kent review involves Leicester City CSP); Kent County Council's social care with Kent only.
    public static readonly IReadOnlyDictionary<string, string[]> Agencies = new Dictionary<string, string[]>
    {
        ["Leicestershire Police"] = ["LR"],
        ["Kent Police"] = ["KT", "LR"],
        ["University Hospitals of Leicester NHS Trust"] = ["LR"],
        ["Probation Service"] = ["LR", "KT"],
        ["Women's Aid Leicestershire"] = ["LR"],
        ["Kent County Council Adult Social Care"] = ["KT"],
    };

    /// Whether any demo account is in the database (whoever made it, and however long ago).
    public async Task<bool> AccountsExistAsync(CancellationToken ct = default)
    {
        var emails = Accounts.Select(a => users.NormalizeEmail(a.Email)).ToArray();
        await using var db = await dbs.CreateAsync(ct);
        return await db.Users.AnyAsync(u => emails.Contains(u.NormalizedEmail), ct);
    }

    /// Seeds the data set into an empty database; null where it holds organisations already (nothing is changed).
    public async Task<SeededDemo?> SeedAsync(CancellationToken ct = default)
    {
        var list = Accounts.Select(a => new DemoAccount(Roles.Describe(a.Role), a.Email)).ToList();
        await using (var db = await dbs.CreateAsync(ct))
        {
            if (await db.Organisations.AnyAsync(ct))
            {
                return null;
            }

            var lr = new Organisation { Name = "Leicestershire & Rutland Safeguarding Partnerships Business Office", Kind = OrganisationKind.ReviewOffice, Code = "LR" };
            var kent = new Organisation { Name = "Kent Community Safety Team", Kind = OrganisationKind.ReviewOffice, Code = "KT" };
            db.Organisations.AddRange(lr, kent);
            foreach (var name in new[] { "Leicester City CSP", "Leicestershire CSP", "Rutland CSP", "Charnwood CSP" })
            {
                db.Organisations.Add(new Organisation { Name = name, Kind = OrganisationKind.Csp, ServingOffice = lr });
            }

            foreach (var name in new[] { "Ashford CSP", "Canterbury CSP", "Dover CSP", "Maidstone CSP" })
            {
                db.Organisations.Add(new Organisation { Name = name, Kind = OrganisationKind.Csp, ServingOffice = kent });
            }

            foreach (var name in Agencies.Keys)
            {
                db.Organisations.Add(new Organisation { Name = name, Kind = OrganisationKind.Agency });
            }

            await db.SaveChangesAsync(ct);
            // The offices that work with each agency: its contacts belong to them (issue 13).
            var offices = new Dictionary<string, int> { ["LR"] = lr.Id, ["KT"] = kent.Id };
            var agencies = await db.Organisations.Where(o => o.Kind == OrganisationKind.Agency).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
            db.AgencyOffices.AddRange(Agencies.SelectMany(a => a.Value.Select(code => new AgencyOffice { AgencyId = agencies[a.Key], OfficeId = offices[code] })));
            await db.SaveChangesAsync(ct);
        }

        var password = configuration["Seed:DemoPassword"] is { Length: > 0 } fixedForTests ? fixedForTests : TemporaryPasswords.Generate(20);
        foreach (var (role, email, name, organisation) in Accounts)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role.ToString()));
            if (organisation is not null)
            {
                await using var db = await dbs.CreateAsync(ct);
                var orgId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync(ct);
                db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = orgId });
                await db.SaveChangesAsync(ct);
            }
        }

        await using (var db = await dbs.CreateAsync(ct))
        {
            var (_, authorEmail, authorName, _) = Accounts.Single(a => a.Role == Role.IndependentAuthor);
            db.AuthorProfiles.Add(DemoAuthors.Profile(await UserIdAsync(db, authorEmail, ct), authorEmail, authorName, clock.UtcNow));
            await db.SaveChangesAsync(ct);
        }

        await RegisterReviewsAsync(ct);
        return new SeededDemo(list, password);
    }

    private async Task RegisterReviewsAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateAsync(ct);
        var ids = await db.Organisations.ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        var lrOfficer = await ActorLoader.LoadAsync(db, await UserIdAsync(db, "officer@lr.example.org", ct), ct);
        var kentOfficer = await ActorLoader.LoadAsync(db, await UserIdAsync(db, "officer@kent.example.org", ct), ct);
        var police = ids["Leicestershire Police"];
        var kentPolice = ids["Kent Police"];

        DemoCase[] cases =
        [
            new(lrOfficer, ReviewType.Dhr, "Leicester City CSP", [], police, new(2024, 2, 12), 2024, 1, 1, "Death of a woman in her forties at home; former partner charged."),
            new(lrOfficer, ReviewType.Dhr, "Leicestershire CSP", ["Rutland CSP"], police, new(2024, 6, 3), 2024, 5, 1, "Suicide of a man where coercive control by a partner was reported."),
            new(lrOfficer, ReviewType.Dhr, "Charnwood CSP", [], ids["Probation Service"], new(2024, 11, 20), 2024, 10, 2, "Homicide-suicide of an older couple; caring responsibilities."),
            new(lrOfficer, ReviewType.Dardr, "Rutland CSP", [], police, new(2025, 3, 7), 2025, 2, 1, "Death of a young woman; stalking by a former partner reported to police."),
            new(lrOfficer, ReviewType.Dardr, "Leicester City CSP", ["Leicestershire CSP"], ids["University Hospitals of Leicester NHS Trust"], new(2025, 8, 14), 2025, 7, 1, "Death of a woman after a long history of economic and emotional abuse."),
            new(lrOfficer, ReviewType.Dardr, "Leicestershire CSP", [], police, new(2026, 1, 19), 2025, 12, 1, "Death of a man at the hands of his adult son; mental health services involved."),
            new(lrOfficer, ReviewType.Dardr, "Leicester City CSP", [], police, new(2026, 9, 2), 2026, 8, 1, "Death of a woman; separation two months before; children present."),
            new(kentOfficer, ReviewType.Dhr, "Ashford CSP", [], kentPolice, new(2024, 4, 22), 2024, 3, 1, "Death of a woman; alcohol misuse by both partners."),
            new(kentOfficer, ReviewType.Dardr, "Canterbury CSP", ["Dover CSP"], kentPolice, new(2025, 5, 30), 2025, 5, 1, "Suicide of a woman after years of coercive control."),
            new(kentOfficer, ReviewType.Dardr, "Dover CSP", [], ids["Kent County Council Adult Social Care"], new(2025, 10, 6), 2025, 9, 1, "Death of a disabled man; his carer is the suspect."),
            new(kentOfficer, ReviewType.Dardr, "Maidstone CSP", [], kentPolice, new(2026, 2, 25), 2026, 2, 1, "Death of a woman; MARAC had heard the case twice."),
            new(kentOfficer, ReviewType.Dardr, "Ashford CSP", ["Leicester City CSP"], kentPolice, new(2026, 10, 12), 2026, 9, 1, "Death of a man who had moved from Leicester; both areas' agencies involved."),
        ];

        var histories = new DemoHistories(services, clock);
        var scripts = DemoHistories.Scripts(await UserIdAsync(db, "author@example.org", ct));
        foreach (var (c, script) in cases.Zip(scripts))
        {
            var id = await RegisterAsync(histories, ids, c, script, ct);
            // The older cases' tasks wait in the team queue; the officer keeps those of this year's, which their steps made theirs.
            if (c.Notified.Year < 2026)
            {
                await histories.HandBackAsync(c.Officer, id, ct);
            }
        }

        var people = new DemoPeople(lrOfficer, await ActorAsync(db, "manager@lr.example.org", ct), await ActorAsync(db, "author@example.org", ct),
            await ActorAsync(db, "contact@police.example.org", ct));
        var work = new DemoWork(histories, people, ids);
        var more = new List<int>();
        foreach (var (c, script) in work.Cases())
        {
            more.Add(await RegisterAsync(histories, ids, c, script, ct));
        }

        await work.PlayAsync(more[0], more[1], more[2], ct);
        await histories.CatchUpAsync(ct);
        await work.ManagerTaskAsync(ct);
    }

    /// Registers a demo review at its notification date through the registration form's handler and plays its history.
    private async Task<int> RegisterAsync(DemoHistories histories, Dictionary<string, int> ids, DemoCase c, IEnumerable<DemoHistories.Step> script,
        CancellationToken ct)
    {
        var label = await lookups.SuggestLabelAsync(c.Notified.Year, ct);
        await histories.AtAsync(c.Notified, ct);
        var result = await histories.Register.HandleAsync(c.Officer, new Notification(
            c.Type, JointWithSar: c.Deceased == 2, JointWithCspr: false, IsAlternativeReview: false,
            ids[c.Lead], c.Others.Select(o => ids[o]).ToArray(), c.Agency, c.Notified, c.DeathYear, c.DeathMonth, c.Deceased,
            label, DeceasedNames: "Demo Person " + label[5..], PerpetratorNames: null, c.Summary), ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo review could not be registered: " + result.Error!.Message);
        }

        await histories.PlayAsync(c.Officer, result.Value.Id, result.Value.Reference, c.Notified, script, ct);
        return result.Value.Id;
    }

    private static async Task<Actor> ActorAsync(IReviewDb db, string email, CancellationToken ct) =>
        await ActorLoader.LoadAsync(db, await UserIdAsync(db, email, ct), ct);

    private static Task<string> UserIdAsync(IReviewDb db, string email, CancellationToken ct) =>
        db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
