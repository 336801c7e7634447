using Domain;
using Domain.Access;
using Domain.Audit;
using Domain.Calendar;
using Domain.Family;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Workflows.Audit;
using Workflows.Data;
using Workflows.Process;
using Workflows.Time;

namespace Workflows.Family;

/// ExpectedVersion: FamilyAgreements.Version as the page showed it (0 before anything was recorded).
public sealed record FamilyAgreementsInput(int ReviewId, bool? AdvocacyOffered, string? AdvocacyBy, string? Pseudonym, PseudonymConsent? Consent,
    DateOnly? ConsentOn, int? DraftSeenNumber, DateOnly? DraftSeenOn, int ExpectedVersion);

public sealed record FamilyAgreementsSaved(int Version, bool ConsentChanged, bool PublicationBlocked);

/// Saves what was agreed with the family: advocacy, the report pseudonym and consent to it, the draft they have seen.
/// A change of consent sets Review.FamilyConsentWithdrawn, which the process's publication guard reads, in the same
/// transaction: the review's version moves on, the journal says what happened (not the pseudonym), and it is audited.
/// Saving the same values again changes nothing.
public sealed class SaveFamilyAgreementsHandler(IReviewDbFactory dbs, BusinessClock clock, AuditLog audit)
{
    public async Task<Result<FamilyAgreementsSaved>> HandleAsync(Actor actor, FamilyAgreementsInput input, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateAsync(ct);
        var access = await FamilyAccess.ForEditAsync(db, audit, actor, input.ReviewId, "change family agreements", ct);
        if (!access.IsSuccess)
        {
            return access.Error!;
        }

        var today = clock.Today;
        var errors = FamilyRules.CheckAgreements(input.AdvocacyOffered, input.AdvocacyBy, input.Pseudonym, input.Consent, input.ConsentOn,
            input.DraftSeenNumber, input.DraftSeenOn, today).ToList();
        if (input.DraftSeenNumber is int seen && seen > 0 && !await db.Drafts.AnyAsync(d => d.ReviewId == input.ReviewId && d.Number == seen, ct))
        {
            errors.Add(new Error($"This review has no draft {seen}: choose one of its drafts.", nameof(input.DraftSeenNumber)));
        }

        if (errors.Count > 0)
        {
            return new ValidationFailed(errors);
        }

        var engagement = await db.FamilyEngagements.SingleOrDefaultAsync(f => f.ReviewId == input.ReviewId, ct);
        if ((engagement?.Version ?? 0) != input.ExpectedVersion)
        {
            return new Conflict("The family engagement log");
        }

        if (engagement is null)
        {
            engagement = new FamilyEngagement { ReviewId = input.ReviewId };
            db.FamilyEngagements.Add(engagement);
        }

        var before = (engagement.AdvocacyOffered, engagement.AdvocacyBy, engagement.Pseudonym, engagement.Consent, engagement.ConsentOn,
            engagement.DraftSeenNumber, engagement.DraftSeenOn);
        engagement.AdvocacyOffered = input.AdvocacyOffered;
        engagement.AdvocacyBy = Clean(input.AdvocacyBy);
        engagement.Pseudonym = Clean(input.Pseudonym);
        engagement.Consent = input.Consent;
        engagement.ConsentOn = input.Consent is null ? null : input.ConsentOn;
        engagement.DraftSeenNumber = input.DraftSeenNumber;
        engagement.DraftSeenOn = input.DraftSeenNumber is null ? null : input.DraftSeenOn;
        var changed = Changed(before, engagement);
        var review = await db.Reviews.SingleAsync(r => r.Id == input.ReviewId, ct);
        if (changed.Count == 0)
        {
            return new FamilyAgreementsSaved(engagement.Version, false, review.FamilyConsentWithdrawn);
        }

        engagement.UpdatedAtUtc = clock.UtcNow;
        engagement.UpdatedByUserId = actor.UserId;
        engagement.Version++;
        audit.Add(db, actor, AuditAction.Changed, "FamilyLog", input.ReviewId.ToString(), input.ReviewId, review.Reference,
            "family agreements: " + string.Join(", ", changed));

        var consentChanged = before.Consent != engagement.Consent;
        var withdrawn = engagement.Consent == PseudonymConsent.Withdrawn;
        if (consentChanged)
        {
            review.FamilyConsentWithdrawn = withdrawn;
            review.Version++;
            // The consent changed on the date the family gave or withdrew it, if the officer entered one.
            CaseChanges.Record(db, review, actor, clock.UtcNow, JournalKind.Recorded, ConsentNote(engagement), engagement.ConsentOn ?? today);
            audit.Add(db, actor, AuditAction.Changed, "Review", review.Id.ToString(), review.Id, review.Reference,
                $"FamilyConsentWithdrawn: {withdrawn}");
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the log (or changed the review) at the same moment.
            return new Conflict("The family engagement log");
        }

        return new FamilyAgreementsSaved(engagement.Version, consentChanged, review.FamilyConsentWithdrawn);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string ConsentNote(FamilyEngagement e)
    {
        var on = e.ConsentOn is DateOnly date ? $" on {UkDate.Format(date)}" : string.Empty;
        return e.Consent switch
        {
            PseudonymConsent.Withdrawn => $"The family withdrew consent to the report pseudonym{on}: publication is blocked until consent is given again.",
            PseudonymConsent.Given => $"The family gave consent to the report pseudonym{on}.",
            _ => "The family's consent to the report pseudonym is no longer recorded.",
        };
    }

    private static List<string> Changed(
        (bool? AdvocacyOffered, string? AdvocacyBy, string? Pseudonym, PseudonymConsent? Consent, DateOnly? ConsentOn, int? DraftSeenNumber, DateOnly? DraftSeenOn) b,
        FamilyEngagement a)
    {
        var changed = new List<string>();
        void Check(bool differs, string field)
        {
            if (differs)
            {
                changed.Add(field);
            }
        }

        Check(b.AdvocacyOffered != a.AdvocacyOffered, nameof(a.AdvocacyOffered));
        Check(b.AdvocacyBy != a.AdvocacyBy, nameof(a.AdvocacyBy));
        Check(b.Pseudonym != a.Pseudonym, nameof(a.Pseudonym));
        Check(b.Consent != a.Consent, nameof(a.Consent));
        Check(b.ConsentOn != a.ConsentOn, nameof(a.ConsentOn));
        Check(b.DraftSeenNumber != a.DraftSeenNumber, nameof(a.DraftSeenNumber));
        Check(b.DraftSeenOn != a.DraftSeenOn, nameof(a.DraftSeenOn));
        return changed;
    }
}
