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
using Workflows.Email;
using Workflows.Time;

namespace Workflows.Authors;

public sealed record SendEoi(int ReviewId, string? Summary, DateOnly? ClosesOn, IReadOnlyCollection<string> AuthorUserIds, long? ReopensId = null);

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

        var office = await db.Organisations.Where(o => o.Id == r.LeadOfficeId).Select(o => o.Name).SingleAsync(ct);
        foreach (var author in known)
        {
            eoi.Recipients.Add(new EoiRecipient { ExpressionOfInterestId = eoi.Id, UserId = author.UserId, WorkItemId = tasks[author.UserId].Id });
            await outbox.EnqueueAsync(db, new OutgoingEmail(author.Email, author.UserId, Commissioning.EmailReason, $"eoi:{eoi.Id}", "ExpressionOfInterest",
                new Dictionary<string, string>
                {
                    ["CaseLabel"] = r.CaseLabel,
                    ["Reference"] = r.Reference,
                    ["Office"] = office,
                    ["ClosesOn"] = UkDate.Format(closesOn),
                    ["Link"] = email.LinkTo($"eoi/{eoi.Id}"),
                    ["PortalBaseUrl"] = email.PortalBaseUrl.TrimEnd('/'),
                }, ReviewId: r.Id), ct);
        }

        audit.Add(db, actor, AuditAction.Created, "ExpressionOfInterest", eoi.Id.ToString(), r.Id, r.Reference,
            $"expression of interest sent to {known.Count} {(known.Count == 1 ? "author" : "authors")}, closing {UkDate.Format(closesOn)}"
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
