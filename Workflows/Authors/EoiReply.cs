using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Authors;

public sealed record EoiReplyForm(bool? Interested, string? Availability, string? Quote, string? Conflicts);

/// Office: the review office commissioning the review, which sent the expression of interest.
public sealed record EoiForAuthor(long Id, string Reference, string CaseLabel, string Summary, DateOnly ClosesOn, EoiStatus Status, bool AcceptsReplies,
    bool? Interested, string? Availability, long? QuotePence, string? Conflicts, DateTime? RepliedAtUtc, string Office);

/// An author's view of an expression of interest sent to them, and their reply. Anyone else is refused (audited),
/// whether or not it exists.
public sealed class EoiReplyHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<EoiForAuthor>> GetAsync(Actor actor, long eoiId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var found = await RecipientAsync(db, actor, eoiId, "view an expression of interest", ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (eoi, mine, review, office) = found.Value;
        audit.Add(db, actor, AuditAction.Viewed, "ExpressionOfInterest", eoi.Id.ToString(), review.Id, review.Reference, "expression of interest");
        await db.SaveChangesAsync(ct);
        return View(eoi, mine, review, office, clock.Today);
    }

    public async Task<Result<EoiForAuthor>> ReplyAsync(Actor actor, long eoiId, EoiReplyForm form, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var found = await RecipientAsync(db, actor, eoiId, "reply to an expression of interest", ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (eoi, mine, review, office) = found.Value;
        var today = clock.Today;
        if (eoi.Status != EoiStatus.Open)
        {
            return new Error("This expression of interest is closed: replies are no longer accepted. Contact the review office if you are still interested.");
        }

        if (!eoi.AcceptsRepliesOn(today))
        {
            return new Error($"The closing date for replies was {UkDate.Format(eoi.ClosesOn)}: replies are no longer accepted. "
                + "Contact the review office if you are still interested.");
        }

        var errors = new List<Error>();
        long quote = 0;
        if (form.Interested is null)
        {
            errors.Add(new Error("Say whether you are interested in this review.", nameof(EoiReplyForm.Interested)));
        }
        else if (form.Interested == true)
        {
            if (string.IsNullOrWhiteSpace(form.Availability))
            {
                errors.Add(new Error("Say when you are available to start and how much time you can give.", nameof(EoiReplyForm.Availability)));
            }

            if (Money.Parse(form.Quote, nameof(EoiReplyForm.Quote), "your quote", out quote) is { } money)
            {
                errors.Add(money);
            }
        }

        foreach (var (field, text) in new[] { (nameof(EoiReplyForm.Availability), form.Availability), (nameof(EoiReplyForm.Conflicts), form.Conflicts) })
        {
            if (text?.Trim().Length > EoiRecipient.TextMaxLength)
            {
                errors.Add(new Error($"Keep this to {EoiRecipient.TextMaxLength} characters or fewer.", field));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var interested = form.Interested!.Value;
        var now = clock.UtcNow;
        mine.Interested = interested;
        mine.Availability = interested ? form.Availability!.Trim() : null;
        mine.QuotePence = interested ? quote : null;
        mine.Conflicts = string.IsNullOrWhiteSpace(form.Conflicts) ? null : form.Conflicts.Trim();
        mine.RepliedAtUtc = now;
        if (mine.WorkItemId is long taskId && await db.WorkItems.SingleOrDefaultAsync(w => w.Id == taskId && w.Status == WorkItemStatus.Open, ct) is { } task)
        {
            task.Close(WorkItemStatus.Completed, interested ? "Replied: interested" : "Replied: not interested", actor.UserId, now);
        }

        audit.Add(db, actor, AuditAction.Changed, "ExpressionOfInterest", eoi.Id.ToString(), review.Id, review.Reference,
            interested ? "reply: interested, with a quote" : "reply: not interested");
        await db.SaveChangesAsync(ct);
        return View(eoi, mine, review, office, today);
    }

    private async Task<Result<(ExpressionOfInterest Eoi, EoiRecipient Mine, Review Review, string Office)>> RecipientAsync(IReviewDb db, Actor actor, long eoiId,
        string what, CancellationToken ct)
    {
        var eoi = await db.ExpressionsOfInterest.Include(e => e.Recipients.Where(x => x.UserId == actor.UserId)).SingleOrDefaultAsync(e => e.Id == eoiId, ct);
        var mine = actor.Is(Role.IndependentAuthor) ? eoi?.Recipients.SingleOrDefault() : null;
        if (eoi is null || mine is null)
        {
            await audit.RefusedAsync(db, actor, "ExpressionOfInterest", eoiId.ToString(), eoi?.ReviewId, what, ct);
            return new AccessRefused("this expression of interest");
        }

        var review = await db.Reviews.AsNoTracking().SingleAsync(r => r.Id == eoi.ReviewId, ct);
        var office = await db.Organisations.Where(o => o.Id == review.LeadOfficeId).Select(o => o.Name).SingleAsync(ct);
        return (eoi, mine, review, office);
    }

    private static EoiForAuthor View(ExpressionOfInterest e, EoiRecipient mine, Review r, string office, DateOnly today) =>
        new(e.Id, r.Reference, r.CaseLabel, e.Summary, e.ClosesOn, e.Status, e.AcceptsRepliesOn(today),
            mine.Interested, mine.Availability, mine.QuotePence, mine.Conflicts, mine.RepliedAtUtc, office);
}
