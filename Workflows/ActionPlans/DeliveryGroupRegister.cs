using System.Globalization;
using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;

namespace Workflows.ActionPlans;

public sealed record DeliveryGroupRow(int Id, string Name, GroupKind Kind, IReadOnlyList<string> Offices, IReadOnlyList<string> Contacts,
    int OpenActions, int Version, bool CanChange);

/// The register as one keeper sees it: the offices whose groups they keep (to add a group to) and those groups.
public sealed record DeliveryGroupRegisterView(IReadOnlyList<Choice> Offices, IReadOnlyList<DeliveryGroupRow> Groups);

public sealed record NewDeliveryGroup(int OfficeId, string? Name, GroupKind? Kind);

public sealed record DeliveryGroupChange(int Id, int Version, string? Name, GroupKind? Kind);

/// The register of delivery groups and boards that own actions (issue 18). A group is an agency (so every agency rule
/// applies: it works with offices, its contacts are agency-contact accounts approved by an administrator) marked with
/// its kind. Kept by the managers of the offices it works with, and by administrators: a manager sees and changes only
/// the groups that work with their own offices, and changes one only when it works with no other office (another
/// office's view of it is not theirs to change). No account is made or given a role here: a group's contact is asked
/// for on the invite page as any agency contact is (AskForAgencyContact: the Agency contact role only, for an agency of
/// the manager's office, approved by an administrator). Refusals are audited.
public sealed class DeliveryGroupRegister(IReviewDbFactory dbs, AuditLog audit)
{
    public const string Subject = "DeliveryGroup";

    /// The offices whose register this actor keeps: their own offices for a manager, every active review office for an administrator.
    private static IQueryable<Organisation> KeptOffices(IReviewDb db, Actor actor)
    {
        var offices = db.Organisations.Where(o => o.Kind == OrganisationKind.ReviewOffice && o.IsActive);
        if (actor.Is(Role.Administrator))
        {
            return offices;
        }

        var mine = actor.OfficeIds.ToList();
        return actor.Is(Role.Manager) ? offices.Where(o => mine.Contains(o.Id)) : offices.Where(o => false);
    }

    public static bool MayKeep(Actor actor) => actor.Is(Role.Administrator) || (actor.Is(Role.Manager) && actor.OfficeIds.Count > 0);

    public async Task<Result<DeliveryGroupRegisterView>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!MayKeep(actor))
        {
            await audit.RefusedAsync(db, actor, Subject, null, null, "view the register of delivery groups and boards", ct);
            return new AccessRefused("the register of delivery groups and boards (the office's managers only)");
        }

        var offices = await KeptOffices(db, actor).AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var officeIds = offices.Select(o => o.Id).ToList();
        var groups = await Groups(db, officeIds).AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        var ids = groups.Select(g => g.Id).ToList();
        var links = await (from ao in db.AgencyOffices.AsNoTracking()
                           join o in db.Organisations on ao.OfficeId equals o.Id
                           where ids.Contains(ao.AgencyId)
                           select new { ao.AgencyId, ao.OfficeId, o.Name }).ToListAsync(ct);
        var contacts = new List<AgencyContact>();
        foreach (var office in officeIds)
        {
            contacts.AddRange(await AgencyContacts.ForOffice(db, office).Where(c => ids.Contains(c.AgencyId)).ToListAsync(ct));
        }

        var open = await OpenActions(db, ids).GroupBy(a => a.OwnerAgencyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = groups.Select(g => new DeliveryGroupRow(g.Id, g.Name, g.Group!.Value,
            links.Where(l => l.AgencyId == g.Id).Select(l => l.Name).Order(StringComparer.Ordinal).ToList(),
            contacts.Where(c => c.AgencyId == g.Id).Select(c => c.Name).Distinct().Order(StringComparer.Ordinal).ToList(),
            open.GetValueOrDefault(g.Id), g.Version, links.Where(l => l.AgencyId == g.Id).All(l => officeIds.Contains(l.OfficeId)))).ToList();
        return new DeliveryGroupRegisterView(offices, rows);
    }

    public async Task<Result<int>> AddAsync(Actor actor, NewDeliveryGroup input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        if (!MayKeep(actor) || !await KeptOffices(db, actor).AnyAsync(o => o.Id == input.OfficeId, ct))
        {
            await audit.RefusedAsync(db, actor, Subject, null, null, $"add a delivery group or board for office {input.OfficeId}", ct);
            return new AccessRefused("that office's register of delivery groups and boards");
        }

        var name = input.Name?.Trim();
        var errors = DeliveryGroups.Validate(name, input.Kind).ToList();
        if (errors.Count == 0 && await NameTakenAsync(db, name!, null, ct))
        {
            errors.Add(NameTaken);
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        // The audit row needs the new id, so the two saves share one transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var group = new Organisation { Name = name!, Kind = OrganisationKind.Agency, Group = input.Kind };
        db.Organisations.Add(group);
        await db.SaveChangesAsync(ct);
        db.AgencyOffices.Add(new AgencyOffice { AgencyId = group.Id, OfficeId = input.OfficeId });
        audit.Add(db, actor, AuditAction.Created, Subject, group.Id.ToString(CultureInfo.InvariantCulture),
            detail: $"{DeliveryGroups.Describe(input.Kind!.Value)} added, working with office {input.OfficeId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return group.Id;
    }

    public async Task<Result<int>> ChangeAsync(Actor actor, DeliveryGroupChange input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (group, refused) = await ForChangeAsync(db, actor, input.Id, input.Version, "rename a delivery group or board", ct);
        if (group is null)
        {
            return refused!;
        }

        var name = input.Name?.Trim();
        var errors = DeliveryGroups.Validate(name, input.Kind).ToList();
        if (errors.Count == 0 && await NameTakenAsync(db, name!, group.Id, ct))
        {
            errors.Add(NameTaken);
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var changed = new List<string>();
        if (group.Name != name)
        {
            group.Name = name!;
            changed.Add("renamed");
        }

        if (group.Group != input.Kind)
        {
            group.Group = input.Kind;
            changed.Add("now a " + DeliveryGroups.Describe(input.Kind!.Value));
        }

        if (changed.Count == 0)
        {
            return group.Version;
        }

        group.Version++;
        audit.Add(db, actor, AuditAction.Changed, Subject, group.Id.ToString(CultureInfo.InvariantCulture), detail: string.Join(", ", changed));
        return await SaveAsync(db, group, ct);
    }

    /// Stands a group down (inactive: no longer offered as an owner, its contacts see nothing new), refused while it owns
    /// an open action. Its past actions and their history stay.
    public async Task<Result<int>> StandDownAsync(Actor actor, int id, int version, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var (group, refused) = await ForChangeAsync(db, actor, id, version, "stand down a delivery group or board", ct);
        if (group is null)
        {
            return refused!;
        }

        if (DeliveryGroups.CheckStandDown(await OpenActions(db, [id]).CountAsync(ct)) is { } open)
        {
            return open;
        }

        group.IsActive = false;
        group.Version++;
        audit.Add(db, actor, AuditAction.Changed, Subject, group.Id.ToString(CultureInfo.InvariantCulture), detail: "stood down");
        return await SaveAsync(db, group, ct);
    }

    private static readonly Error NameTaken = new("An organisation of this name already exists: choose another name, or ask an administrator.",
        nameof(Organisation.Name));

    private static IQueryable<Organisation> Groups(IReviewDb db, IReadOnlyCollection<int> officeIds) =>
        db.Organisations.Where(o => o.Kind == OrganisationKind.Agency && o.Group != null && o.IsActive
            && db.AgencyOffices.Any(ao => ao.AgencyId == o.Id && officeIds.Contains(ao.OfficeId)));

    private static IQueryable<PlanAction> OpenActions(IReviewDb db, IReadOnlyCollection<int> groupIds) =>
        db.PlanActions.Where(a => groupIds.Contains(a.OwnerAgencyId)
            && (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.AtRisk));

    private static Task<bool> NameTakenAsync(IReviewDb db, string name, int? except, CancellationToken ct) =>
        db.Organisations.AnyAsync(o => o.Kind == OrganisationKind.Agency && o.Name == name && o.Id != except, ct);

    /// A group the actor may change: one of the groups of the offices they keep that works with no other office, at the
    /// version they saw. Anything else (another office's group, an agency that is not a group, no such id) is refused
    /// alike and audited, so the answer says nothing about other offices' organisations.
    private async Task<(Organisation? Group, Error? Refused)> ForChangeAsync(IReviewDb db, Actor actor, int id, int version, string what, CancellationToken ct)
    {
        var offices = MayKeep(actor) ? await KeptOffices(db, actor).Select(o => o.Id).ToListAsync(ct) : [];
        var group = await Groups(db, offices).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (group is null || await db.AgencyOffices.AnyAsync(ao => ao.AgencyId == id && !offices.Contains(ao.OfficeId), ct))
        {
            await audit.RefusedAsync(db, actor, Subject, id.ToString(CultureInfo.InvariantCulture), null, what, ct);
            return (null, group is null
                ? new AccessRefused("that delivery group or board")
                : new Error("This group also works with another office: ask an administrator to change it."));
        }

        return group.Version != version ? (null, new Conflict("This group")) : (group, null);
    }

    private static async Task<Result<int>> SaveAsync(IReviewDb db, Organisation group, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return group.Version;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This group");
        }
    }
}
