using Domain.Access;
using Domain.Organisations;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Reviews;

public sealed record OrganisationOption(int Id, string Name, OrganisationKind Kind, int? ServingOfficeId);

public sealed record RegistrationOptions(IReadOnlyList<OrganisationOption> LeadCsps, IReadOnlyList<OrganisationOption> AllCsps,
    IReadOnlyList<OrganisationOption> Agencies, string SuggestedLabel, ReviewType DefaultType);

/// What the registration form and the register's filters offer.
public sealed class ReviewLookups(IReviewDbFactory dbs, BusinessClock clock, ReviewTypeDefaults typeDefaults)
{
    public async Task<RegistrationOptions> RegistrationOptionsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var scope = await CaseScope.LoadAsync(db, actor, ct);
        var orgs = await db.Organisations.AsNoTracking().Where(o => o.IsActive && o.Kind != OrganisationKind.ReviewOffice)
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.Kind, o.ServingOfficeId)).ToListAsync(ct);
        var csps = orgs.Where(o => o.Kind == OrganisationKind.Csp).ToList();
        return new RegistrationOptions(
            csps.Where(o => scope.ServedCspIds.Contains(o.Id)).ToList(),
            csps,
            orgs.Where(o => o.Kind == OrganisationKind.Agency).ToList(),
            await SuggestLabelAsync(db, clock.Today.Year, ct),
            typeDefaults.For(clock.Today));
    }

    public async Task<string> SuggestLabelAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await SuggestLabelAsync(db, year, ct);
    }

    public async Task<IReadOnlyList<OrganisationOption>> CspsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        return await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Csp)
            .OrderBy(o => o.Name).Select(o => new OrganisationOption(o.Id, o.Name, o.Kind, o.ServingOfficeId)).ToListAsync(ct);
    }

    private static async Task<string> SuggestLabelAsync(IReviewDb db, int year, CancellationToken ct)
    {
        var suffix = " " + year;
        var inUse = await db.Reviews.Where(r => r.CaseLabelKey.EndsWith(suffix)).Select(r => r.CaseLabelKey).ToListAsync(ct);
        return CaseLabels.Suggest(year, inUse);
    }
}

/// New cases default to DARDR from the effective date of the Victims and Prisoners Act 2024, s.19 (configurable).
public sealed class ReviewTypeDefaults(DateOnly dardrFrom)
{
    public ReviewType For(DateOnly today) => today >= dardrFrom ? ReviewType.Dardr : ReviewType.Dhr;
}
