using System.Globalization;
using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Workflows.Access;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Time;

namespace Workflows.Submissions;

public sealed record PublicationLinkInput(string? Url, string? Label);

/// The further addresses of a published report (other councils' websites), kept by the review officers of its lead
/// office, who record the publication itself. Readers of the review see them in its submission section.
public sealed class PublicationLinksHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<long>> AddAsync(Actor actor, int reviewId, PublicationLinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var review = await LoadAsync(db, actor, reviewId, "add a publication link", ct);
        if (!review.IsSuccess)
        {
            return review.Error!;
        }

        var errors = PublicationLink.Validate(input.Url, input.Label);
        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var url = input.Url!.Trim();
        if (await db.PublicationLinks.AnyAsync(l => l.ReviewId == reviewId && l.Url == url, ct))
        {
            return new ValidationFailed([new Error("This address is in the list already.", "Url")]);
        }

        var link = new PublicationLink { ReviewId = reviewId, Url = url, Label = input.Label!.Trim(), AddedAtUtc = clock.UtcNow, AddedByUserId = actor.UserId };
        db.PublicationLinks.Add(link);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, AuditAction.Created, "PublicationLink", link.Id.ToString(CultureInfo.InvariantCulture), reviewId, review.Value, "publication link added");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return link.Id;
    }

    /// A published review keeps at least one address.
    public async Task<Result<bool>> RemoveAsync(Actor actor, int reviewId, long linkId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var review = await LoadAsync(db, actor, reviewId, "remove a publication link", ct);
        if (!review.IsSuccess)
        {
            return review.Error!;
        }

        var links = await db.PublicationLinks.Where(l => l.ReviewId == reviewId).ToListAsync(ct);
        if (links.SingleOrDefault(l => l.Id == linkId) is not { } link)
        {
            return new NotFound("The publication link");
        }

        if (links.Count == 1)
        {
            return new ValidationFailed([new Error("A published report keeps at least one address: add the right one first, then remove this one.", "Url")]);
        }

        db.PublicationLinks.Remove(link);
        audit.Add(db, actor, AuditAction.Changed, "PublicationLink", linkId.ToString(CultureInfo.InvariantCulture), reviewId, review.Value, "publication link removed");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// The review's reference, for a review officer of its lead office once it is published; a refusal is audited.
    private async Task<Result<string>> LoadAsync(IReviewDb db, Actor actor, int reviewId, string what, CancellationToken ct)
    {
        var access = await (await CaseScope.LoadAsync(db, actor, ct)).ForAsync(db, reviewId, ct);
        if (!access.CanChange || !actor.Is(Role.ReviewOfficer))
        {
            await audit.RefusedAsync(db, actor, "Review", reviewId.ToString(CultureInfo.InvariantCulture), reviewId, what, ct);
            return new AccessRefused("changes to this review");
        }

        var review = await db.Reviews.Where(r => r.Id == reviewId).Select(r => new { r.Reference, r.PublishedOn }).SingleAsync(ct);
        return review.PublishedOn is null
            ? new ValidationFailed([new Error("Record the publication first: its address is the first of the list.", "Url")])
            : review.Reference;
    }
}
