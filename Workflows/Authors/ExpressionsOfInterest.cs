using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Authors;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Authors;

public sealed record SendEoi(int ReviewId, string? Summary, DateOnly? ClosesOn, IReadOnlyCollection<string> AuthorUserIds, long? ReopensId = null);

public sealed record EoiReplyForm(bool? Interested, string? Availability, string? Quote, string? Conflicts);

public sealed record EoiForAuthor(long Id, string Reference, string CaseLabel, string Summary, DateOnly ClosesOn, EoiStatus Status, bool AcceptsReplies,
    bool? Interested, string? Availability, long? QuotePence, string? Conflicts, DateTime? RepliedAtUtc);

/// Sending an expression of interest (lead office review officers): a pseudonymised summary and a closing date go to
/// the chosen authors from the directory, each with an email (case label and reference only, and a link) and a task
/// in their own queue due on the closing date.
public sealed class SendEoiHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit, IOutbox outbox, EmailOptions email)
{
    public async Task<Result<long>> HandleAsync(Actor actor, SendEoi request, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var review = await Commissioning.LeadOfficerReviewAsync(db, actor, request.ReviewId, audit, "send an expression of interest", ct);
        if (!review.IsSuccess)
        {
            return review.Error!;
        }

        var r = review.Value;
        if (!Commissioning.MayCommission(r))
        {
            return new Error(Commissioning.NotCommissioningMessage);
        }

        var today = clock.Today;
        var errors = new List<Error>();
        var summary = request.Summary?.Trim() ?? string.Empty;
        if (summary.Length == 0)
        {
            errors.Add(new Error("Enter a pseudonymised summary of the case: no real names.", nameof(SendEoi.Summary)));
        }
        else if (summary.Length > ExpressionOfInterest.SummaryMaxLength)
        {
            errors.Add(new Error($"The summary must be {ExpressionOfInterest.SummaryMaxLength} characters or fewer.", nameof(SendEoi.Summary)));
        }

        if (ExpressionOfInterest.CheckClosingDate(request.ClosesOn, today) is { } closing)
        {
            errors.Add(closing with { Field = nameof(SendEoi.ClosesOn) });
        }

        var chosen = request.AuthorUserIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var known = await AuthorChoicesQuery.Choosable(db).Where(p => chosen.Contains(p.UserId)).Select(p => new { p.UserId, p.Email }).ToListAsync(ct);
        if (chosen.Count == 0)
        {
            errors.Add(new Error("Choose at least one author from the directory.", nameof(SendEoi.AuthorUserIds)));
        }
        else if (known.Count != chosen.Count)
        {
            errors.Add(new Error("Choose authors from the directory whose accounts are active.", nameof(SendEoi.AuthorUserIds)));
        }

        ExpressionOfInterest? reopened = null;
        if (request.ReopensId is long reopensId)
        {
            reopened = await db.ExpressionsOfInterest.SingleOrDefaultAsync(e => e.Id == reopensId && e.ReviewId == r.Id, ct);
            if (reopened is null)
            {
                errors.Add(new Error("The expression of interest to reopen belongs to another review: start a new one instead."));
            }
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var now = clock.UtcNow;
        var closesOn = request.ClosesOn!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (reopened is not null)
        {
            reopened.Status = EoiStatus.Closed;
            await CloseReplyTasksAsync(db, reopened.Id, "Cancelled: the expression of interest was reopened", now, ct);
        }

        var eoi = new ExpressionOfInterest
        {
            ReviewId = r.Id, Summary = summary, ClosesOn = closesOn, Status = EoiStatus.Open, SentAtUtc = now, SentByUserId = actor.UserId,
            ReopensId = reopened?.Id,
        };
        var tasks = known.ToDictionary(k => k.UserId, k => new WorkItem
        {
            ReviewId = r.Id,
            Kind = WorkItemKind.ReplyToExpressionOfInterest,
            Title = $"Reply to the expression of interest for {r.CaseLabel}",
            Stage = r.Stage,
            IsProcessStep = false,
            CandidateRole = Role.IndependentAuthor,
            CandidateUserId = k.UserId,
            AssigneeUserId = k.UserId,
            AssignedAtUtc = now,
            DueDate = closesOn,
            Priority = WorkItemPriority.Normal,
            Status = WorkItemStatus.Open,
            CreatedAtUtc = now,
        });
        db.ExpressionsOfInterest.Add(eoi);
        db.WorkItems.AddRange(tasks.Values);
        await db.SaveChangesAsync(ct);

        foreach (var author in known)
        {
            eoi.Recipients.Add(new EoiRecipient { ExpressionOfInterestId = eoi.Id, UserId = author.UserId, WorkItemId = tasks[author.UserId].Id });
            await outbox.EnqueueAsync(db, new OutgoingEmail(author.Email, author.UserId, Commissioning.EmailReason, $"eoi:{eoi.Id}", "ExpressionOfInterest",
                new Dictionary<string, string>
                {
                    ["CaseLabel"] = r.CaseLabel,
                    ["Reference"] = r.Reference,
                    ["ClosesOn"] = closesOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
                    ["Link"] = email.LinkTo($"eoi/{eoi.Id}"),
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }, ReviewId: r.Id), ct);
        }

        audit.Add(db, actor, AuditAction.Created, "ExpressionOfInterest", eoi.Id.ToString(), r.Id, r.Reference,
            $"expression of interest sent to {known.Count} {(known.Count == 1 ? "author" : "authors")}, closing {Commissioning.Format(closesOn)}"
            + (reopened is null ? string.Empty : $", reopening expression of interest {reopened.Id}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return eoi.Id;
    }

    private static Task CloseReplyTasksAsync(IReviewDb db, long eoiId, string outcome, DateTime now, CancellationToken ct) =>
        db.WorkItems.Where(w => w.Status == WorkItemStatus.Open
                && db.EoiRecipients.Any(x => x.ExpressionOfInterestId == eoiId && x.WorkItemId == w.Id))
            .ForEachAsync(w => w.Close(WorkItemStatus.Cancelled, outcome, null, now), ct);
}

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

        var (eoi, mine, review) = found.Value;
        audit.Add(db, actor, AuditAction.Viewed, "ExpressionOfInterest", eoi.Id.ToString(), review.Id, review.Reference, "expression of interest");
        await db.SaveChangesAsync(ct);
        return View(eoi, mine, review, clock.Today);
    }

    public async Task<Result<EoiForAuthor>> ReplyAsync(Actor actor, long eoiId, EoiReplyForm form, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var found = await RecipientAsync(db, actor, eoiId, "reply to an expression of interest", ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (eoi, mine, review) = found.Value;
        var today = clock.Today;
        if (eoi.Status != EoiStatus.Open)
        {
            return new Error("This expression of interest is closed: replies are no longer accepted. Contact the review office if you are still interested.");
        }

        if (!eoi.AcceptsRepliesOn(today))
        {
            return new Error($"The closing date for replies was {Commissioning.Format(eoi.ClosesOn)}: replies are no longer accepted. "
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
        return View(eoi, mine, review, today);
    }

    private async Task<Result<(ExpressionOfInterest Eoi, EoiRecipient Mine, Review Review)>> RecipientAsync(IReviewDb db, Actor actor, long eoiId,
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
        return (eoi, mine, review);
    }

    private static EoiForAuthor View(ExpressionOfInterest e, EoiRecipient mine, Review r, DateOnly today) =>
        new(e.Id, r.Reference, r.CaseLabel, e.Summary, e.ClosesOn, e.Status, e.AcceptsRepliesOn(today),
            mine.Interested, mine.Availability, mine.QuotePence, mine.Conflicts, mine.RepliedAtUtc);
}
