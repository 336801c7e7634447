using System.Globalization;
using Domain;
using Domain.Access;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.ActionPlans;

public sealed record LearningSourceInput(LearningSourceKind? Kind, string? Title, DateOnly? AgreedOn, int? CspId);

public sealed record LearningSourceRow(int Id, string Reference, LearningSourceKind Kind, string Title, DateOnly AgreedOn, int CspId, string Csp,
    int Recommendations, int OpenActions, int Version);

/// The learning sources the actor keeps (their offices' and their action plan teams' CSPs'), with the CSPs they may
/// record one for. CanRecord: whether there is any.
public sealed record LearningSourcesView(IReadOnlyList<LearningSourceRow> Sources, IReadOnlyList<Choice> Csps, DateOnly Today);

/// Who keeps a CSP's learning sources (records, edits and lists them): the officers and managers of the review office
/// serving the CSP, and the members of the CSP's action plan team. Their action plans follow ActionPlanAccess.
public static class LearningSourceAccess
{
    public const string Subject = "LearningSource";

    /// The CSPs whose learning sources this actor keeps (active ones, for the form; all, for the list).
    public static IQueryable<Organisation> Csps(IReviewDb db, Actor actor)
    {
        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToList() : [];
        var userId = actor.UserId;
        var team = actor.Is(Role.ActionPlanManager)
            ? db.ActionPlanTeamMembers.Where(m => m.UserId == userId).Select(m => m.CspId)
            : db.ActionPlanTeamMembers.Where(m => false).Select(m => m.CspId);
        return db.Organisations.Where(o => o.Kind == OrganisationKind.Csp
            && ((o.ServingOfficeId != null && offices.Contains(o.ServingOfficeId.Value)) || team.Contains(o.Id)));
    }

    /// The sources this actor keeps: those of their offices (as recorded) and of their teams' CSPs.
    public static IQueryable<LearningSource> Kept(IReviewDb db, Actor actor)
    {
        var offices = actor.IsOfficeStaff ? actor.OfficeIds.ToList() : [];
        var userId = actor.UserId;
        var team = actor.Is(Role.ActionPlanManager)
            ? db.ActionPlanTeamMembers.Where(m => m.UserId == userId).Select(m => m.CspId)
            : db.ActionPlanTeamMembers.Where(m => false).Select(m => m.CspId);
        return db.LearningSources.Where(s => offices.Contains(s.OfficeId) || team.Contains(s.CspId));
    }
}

/// The learning sources page: the actor's sources, newest first (the page sorts them), with counts of their plans.
/// Refused (and audited) for anyone who keeps none.
public sealed class LearningSourcesQuery(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<LearningSourcesView>> HandleAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var csps = await LearningSourceAccess.Csps(db, actor).AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
        var kept = LearningSourceAccess.Kept(db, actor).AsNoTracking();
        if (csps.Count == 0 && !await kept.AnyAsync(ct))
        {
            await audit.RefusedAsync(db, actor, LearningSourceAccess.Subject, null, null, "view learning sources", ct);
            return new AccessRefused("learning sources (review offices and action plan teams keep them)");
        }

        var rows = await (from s in kept
                          join o in db.Organisations on s.CspId equals o.Id
                          select new
                          {
                              Source = s, Csp = o.Name,
                              Recommendations = db.Recommendations.Count(r => r.LearningSourceId == s.Id),
                              Open = db.PlanActions.Count(a => a.LearningSourceId == s.Id
                                  && (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.OnTrack || a.Status == ActionStatus.AtRisk)),
                          }).ToListAsync(ct);
        var list = rows.Select(x => new LearningSourceRow(x.Source.Id, x.Source.Reference, x.Source.Kind, x.Source.Title, x.Source.AgreedOn, x.Source.CspId, x.Csp,
                x.Recommendations, x.Open, x.Source.Version))
            .OrderByDescending(r => r.AgreedOn).ThenByDescending(r => r.Id).ToList();
        audit.Add(db, actor, AuditAction.Viewed, LearningSourceAccess.Subject, detail: $"learning sources: {list.Count}");
        await db.SaveChangesAsync(ct);
        return new LearningSourcesView(list, csps, clock.Today);
    }
}

/// Records a learning source for a CSP the actor keeps sources of, or changes one (kind, title, date; version-checked).
/// The office is the one serving the CSP. The date cannot move after the day any of its actions was agreed.
public sealed class SaveLearningSourceHandler(IReviewDbFactory dbs, AuditLog audit, BusinessClock clock)
{
    public async Task<Result<int>> CreateAsync(Actor actor, LearningSourceInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        // A CSP the actor keeps no sources of (another office's, another team's) is refused, not merely invalid.
        var keeps = LearningSourceAccess.Csps(db, actor);
        if (!await keeps.AnyAsync(ct) || (input.CspId is int asked && !await keeps.AnyAsync(o => o.Id == asked, ct)))
        {
            await audit.RefusedAsync(db, actor, LearningSourceAccess.Subject, null, null, "record a learning source", ct);
            return new AccessRefused("learning sources of this CSP (its review office and its action plan team keep them)");
        }

        var csp = input.CspId is int cspId ? await keeps.Where(o => o.Id == cspId).Select(o => new { o.Id, o.IsActive, o.ServingOfficeId }).SingleAsync(ct) : null;
        var errors = LearningSource.Validate(input.Kind, input.Title, input.AgreedOn, input.CspId, clock.Today).ToList();
        if (csp is { IsActive: false } or { ServingOfficeId: null })
        {
            errors.Add(new Error("This CSP is no longer active: choose one from the list.", nameof(LearningSource.CspId)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var source = new LearningSource
        {
            Kind = input.Kind!.Value, Title = input.Title!.Trim(), AgreedOn = input.AgreedOn!.Value, CspId = csp!.Id, OfficeId = csp.ServingOfficeId!.Value,
            CreatedAtUtc = clock.UtcNow, CreatedByUserId = actor.UserId, Version = 1,
        };
        db.LearningSources.Add(source);
        // One transaction: the audit row names the new source by its reference, which is its id.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, LearningSourceAccess.Subject, source.Reference, caseReference: source.Reference,
            detail: $"learning source recorded: {source.Kind}, agreed {source.AgreedOn:yyyy-MM-dd}, CSP {source.CspId}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return source.Id;
    }

    public async Task<Result<int>> ChangeAsync(Actor actor, int sourceId, LearningSourceInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var source = await LearningSourceAccess.Kept(db, actor).SingleOrDefaultAsync(s => s.Id == sourceId, ct);
        if (source is null)
        {
            await audit.RefusedAsync(db, actor, LearningSourceAccess.Subject, LearningSource.ReferenceFor(sourceId), null, "change a learning source", ct);
            return new AccessRefused("this learning source");
        }

        if (source.Version != expectedVersion)
        {
            return new Conflict("This learning source");
        }

        var errors = LearningSource.Validate(input.Kind, input.Title, input.AgreedOn, source.CspId, clock.Today).ToList();
        var firstAction = await db.PlanActions.Where(a => a.LearningSourceId == sourceId).MinAsync(a => (DateOnly?)a.AgreedOn, ct);
        if (input.AgreedOn is DateOnly on && firstAction is DateOnly first && on > first)
        {
            errors.Add(new Error($"The date cannot be after the day its first action was agreed ({Domain.Calendar.UkDate.Format(first)}).",
                nameof(LearningSource.AgreedOn)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        source.Kind = input.Kind!.Value;
        source.Title = input.Title!.Trim();
        source.AgreedOn = input.AgreedOn!.Value;
        source.Version++;
        audit.Add(db, actor, AuditAction.Changed, LearningSourceAccess.Subject, source.Reference, caseReference: source.Reference,
            detail: $"learning source changed: {source.Kind}, agreed {source.AgreedOn:yyyy-MM-dd}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict("This learning source");
        }

        return source.Version;
    }
}
