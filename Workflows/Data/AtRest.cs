using Domain.Email;
using Domain.Family;
using Domain.Reviews;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Workflows.Data;

/// A column whose values are kept protected at rest: the entity, the property and the data-protection purpose.
public sealed record AtRestField(Type Entity, string Property)
{
    public string Purpose => $"ReviewPortal.AtRest.{Entity.Name}.{Property}";
}

/// Values protected at rest with the data-protection key ring, so that the database file, a dump or a backup alone
/// reveals no real name, family contact, authenticator key, recovery code or invitation link. A protected value is
/// "dp1:" and the key ring's payload (base64url); the key ring is protected at rest in turn (DataProtection:Certificate*).
/// Losing the key ring loses these values: back it up with the database (docs/SECURITY.md).
public sealed class AtRest(IDataProtectionProvider provider)
{
    public const string Prefix = "dp1:";

    /// Real names first (RestrictedDetails), then the family engagement log's contacts, the contact at the area that leads
    /// a review led elsewhere, the case profile's values, the findings and conduct of a review (the author's words, the terms of reference and the family's part in them, the interviewees), a review briefing's texts, Identity's tokens (the authenticator key and recovery codes) and the outbox's secret values
    /// (an invitation's link until it is sent).
    public static readonly AtRestField DeceasedNames = new(typeof(RestrictedDetails), nameof(RestrictedDetails.DeceasedNames));
    public static readonly AtRestField PerpetratorNames = new(typeof(RestrictedDetails), nameof(RestrictedDetails.PerpetratorNames));
    public static readonly AtRestField FamilyContactWho = new(typeof(FamilyContact), nameof(FamilyContact.Who));
    public static readonly AtRestField FamilyContactSummary = new(typeof(FamilyContact), nameof(FamilyContact.Summary));
    public static readonly AtRestField ElsewhereContactName = new(typeof(ReviewLedElsewhere), nameof(ReviewLedElsewhere.ContactName));
    public static readonly AtRestField ElsewhereContactEmail = new(typeof(ReviewLedElsewhere), nameof(ReviewLedElsewhere.ContactEmail));
    public static readonly AtRestField ElsewhereContactPhone = new(typeof(ReviewLedElsewhere), nameof(ReviewLedElsewhere.ContactPhone));
    public static readonly AtRestField ProfileValue = new(typeof(Domain.Profiles.ProfileValue), nameof(Domain.Profiles.ProfileValue.Value));
    public static readonly AtRestField FindingsPredictableWords = new(typeof(Domain.Conduct.ReviewFindings), nameof(Domain.Conduct.ReviewFindings.PredictableWords));
    public static readonly AtRestField FindingsPreventableWords = new(typeof(Domain.Conduct.ReviewFindings), nameof(Domain.Conduct.ReviewFindings.PreventableWords));
    public static readonly AtRestField TermsText = new(typeof(Domain.Conduct.TermsOfReferenceVersion), nameof(Domain.Conduct.TermsOfReferenceVersion.Text));
    public static readonly AtRestField TermsChangeReason = new(typeof(Domain.Conduct.TermsOfReferenceVersion), nameof(Domain.Conduct.TermsOfReferenceVersion.ChangeReason));
    public static readonly AtRestField TermsFamilyAsked = new(typeof(Domain.Conduct.TermsOfReferenceVersion), nameof(Domain.Conduct.TermsOfReferenceVersion.FamilyAsked));
    public static readonly AtRestField TermsNotInvitedReason = new(typeof(Domain.Conduct.TermsOfReferenceVersion), nameof(Domain.Conduct.TermsOfReferenceVersion.NotInvitedReason));
    public static readonly AtRestField InterviewInterviewee = new(typeof(Domain.Conduct.InterviewEntry), nameof(Domain.Conduct.InterviewEntry.Interviewee));
    public static readonly AtRestField InterviewNotSoughtReason = new(typeof(Domain.Conduct.InterviewEntry), nameof(Domain.Conduct.InterviewEntry.NotSoughtReason));
    public static readonly AtRestField BriefingSummary = new(typeof(Domain.Themes.ReviewBriefing), nameof(Domain.Themes.ReviewBriefing.Summary));
    public static readonly AtRestField BriefingThemes = new(typeof(Domain.Themes.ReviewBriefing), nameof(Domain.Themes.ReviewBriefing.Themes));
    public static readonly AtRestField BriefingRecommendations = new(typeof(Domain.Themes.ReviewBriefing), nameof(Domain.Themes.ReviewBriefing.Recommendations));
    public static readonly AtRestField BriefingQuestions = new(typeof(Domain.Themes.ReviewBriefing), nameof(Domain.Themes.ReviewBriefing.Questions));
    public static readonly AtRestField UserTokenValue = new(typeof(IdentityUserToken<string>), nameof(IdentityUserToken<string>.Value));
    public static readonly AtRestField OutboxSecrets = new(typeof(OutboxMessage), nameof(OutboxMessage.ProtectedValues));

    public static IReadOnlyList<AtRestField> Fields { get; } =
        [DeceasedNames, PerpetratorNames, FamilyContactWho, FamilyContactSummary, ElsewhereContactName, ElsewhereContactEmail, ElsewhereContactPhone,
            ProfileValue, FindingsPredictableWords, FindingsPreventableWords, TermsText, TermsChangeReason,
            TermsFamilyAsked, TermsNotInvitedReason, InterviewInterviewee, InterviewNotSoughtReason,
            BriefingSummary, BriefingThemes, BriefingRecommendations, BriefingQuestions, UserTokenValue, OutboxSecrets];

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// The longest stored form of a value of at most plainMaxLength characters (UTF-8 up to 3 bytes a character, the
    /// payload's header, key id, IV, padding and MAC, base64url), for the column's width.
    public static int StoredLength(int plainMaxLength) => Prefix.Length + (((3 * plainMaxLength) + 100 + 2) / 3 * 4);

    public string? Protect(AtRestField field, string? plain) =>
        plain is null ? null : Prefix + provider.CreateProtector(field.Purpose).Protect(plain);

    /// A value written before protection at rest (an older database, until the start-up step has protected it) reads as it is.
    public string? Unprotect(AtRestField field, string? stored) =>
        IsProtected(stored) ? provider.CreateProtector(field.Purpose).Unprotect(stored![Prefix.Length..]) : stored;
}
