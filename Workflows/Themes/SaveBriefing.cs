using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Themes;

/// The briefing as edited, against the version the editor loaded (0: the pre-filled draft, not saved before).
public sealed record SaveBriefing(int ReviewId, BriefingTexts Texts, int ExpectedVersion);

/// Saves a review's briefing: the lead office's officers and managers, from CRG sign-off; every text checked first and
/// nothing saved if one is wrong; someone else's save meanwhile is a conflict (what was typed stays on the page). The texts
/// are protected at rest; the audit row names the parts that changed, never their words. Returns the new version.
public sealed class SaveBriefingHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, AtRest atRest)
{
    public async Task<Result<int>> HandleAsync(Actor actor, SaveBriefing input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await BriefingAccess.CheckAsync(db, audit, actor, input.ReviewId, edit: true, "change briefing", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var (texts, errors) = BriefingRules.Check(input.Texts);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var briefing = await db.ReviewBriefings.SingleOrDefaultAsync(b => b.ReviewId == input.ReviewId, ct);
        if ((briefing?.Version ?? 0) != input.ExpectedVersion)
        {
            return new Conflict("The briefing");
        }

        var before = briefing is null ? new BriefingTexts(null, null, null, null) : BriefingAccess.Texts(atRest, briefing);
        var changed = new[]
        {
            (before.Summary != texts.Summary, "summary"), (before.Themes != texts.Themes, "themes"),
            (before.Recommendations != texts.Recommendations, "recommendations"), (before.Questions != texts.Questions, "questions"),
        }.Where(c => c.Item1).Select(c => c.Item2).ToList();
        if (briefing is not null && changed.Count == 0)
        {
            return briefing.Version;
        }

        if (briefing is null)
        {
            briefing = new ReviewBriefing { ReviewId = input.ReviewId, UpdatedByUserId = actor.UserId };
            db.ReviewBriefings.Add(briefing);
        }

        briefing.Summary = atRest.Protect(AtRest.BriefingSummary, texts.Summary);
        briefing.Themes = atRest.Protect(AtRest.BriefingThemes, texts.Themes);
        briefing.Recommendations = atRest.Protect(AtRest.BriefingRecommendations, texts.Recommendations);
        briefing.Questions = atRest.Protect(AtRest.BriefingQuestions, texts.Questions);
        briefing.UpdatedAtUtc = clock.UtcNow;
        briefing.UpdatedByUserId = actor.UserId;
        briefing.Version++;
        audit.Add(db, actor, input.ExpectedVersion == 0 ? AuditAction.Created : AuditAction.Changed, BriefingAccess.Subject,
            input.ReviewId.ToString(CultureInfo.InvariantCulture), input.ReviewId, access.Value.Reference, "briefing: " + string.Join(", ", changed));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two first saves at once (one row per review) or a save between our read and write (the version token).
            return new Conflict("The briefing");
        }

        return briefing.Version;
    }
}
