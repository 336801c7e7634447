using Domain.Email;

namespace Domain.Reviews;

/// What the office types about a review led elsewhere (the first stage and update come with it when it is recorded).
public sealed record ElsewhereDetails(string? Area, string? LeadCsp, string? TheirReference, string? CaseLabel, int? CspId, int? AgencyId,
    string? ContactName, string? ContactEmail, string? ContactPhone, DateOnly? KnownSince);

/// The rules of reviews led elsewhere: the fields, the dates of updates, and which update stands as at a date.
public static class LedElsewhereRules
{
    public static string Describe(ElsewhereStage stage) => stage switch
    {
        ElsewhereStage.AwaitingDecision => "Awaiting the decision to review",
        ElsewhereStage.UnderWay => "Review under way",
        ElsewhereStage.OnHold => "On hold",
        ElsewhereStage.DraftReport => "Draft report",
        ElsewhereStage.WithHomeOffice => "With the Home Office",
        ElsewhereStage.Published => "Published",
        ElsewhereStage.NotGoingAhead => "Not going ahead",
        _ => stage.ToString(),
    };

    /// earliestUpdate: the as-at date of the record's first update (none when recording it): the date the office heard
    /// of the review cannot move after it, or that update would describe the review before the office knew of it.
    /// contactRequired: false for a record brought in from a tracker (trackers often keep no contact) or kept without one.
    public static IReadOnlyList<Error> CheckDetails(ElsewhereDetails d, DateOnly today, DateOnly? earliestUpdate = null, bool contactRequired = true)
    {
        var errors = new List<Error>();
        TextChecks.Required(errors, d.Area, ReviewLedElsewhere.AreaMaxLength, nameof(d.Area), "Enter the area that leads the review, e.g. Northshire.", "The area");
        TextChecks.Required(errors, d.LeadCsp, ReviewLedElsewhere.LeadCspMaxLength, nameof(d.LeadCsp), "Enter the CSP that leads the review, e.g. Northshire CSP.", "The lead CSP");
        TextChecks.MaxLength(errors, d.TheirReference, ReviewLedElsewhere.ReferenceMaxLength, nameof(d.TheirReference), "Their reference");
        TextChecks.Required(errors, d.CaseLabel, ReviewLedElsewhere.CaseLabelMaxLength, nameof(d.CaseLabel),
            "Enter the case label the lead area uses, e.g. Adult A (never a real name).", "The case label");
        if (d.CspId is null && d.AgencyId is null)
        {
            errors.Add(new Error("Choose the CSP or the agency of yours that takes part (or both).", nameof(d.CspId)));
        }

        if (contactRequired)
        {
            TextChecks.Required(errors, d.ContactName, ReviewLedElsewhere.ContactNameMaxLength, nameof(d.ContactName),
                "Enter the name of your contact at the lead area.", "The contact's name");
        }
        else
        {
            TextChecks.MaxLength(errors, d.ContactName, ReviewLedElsewhere.ContactNameMaxLength, nameof(d.ContactName), "The contact's name");
        }
        if (!string.IsNullOrWhiteSpace(d.ContactEmail) && !AddressShape.Looks(d.ContactEmail, ReviewLedElsewhere.ContactEmailMaxLength))
        {
            errors.Add(new Error("Enter the contact's email address, e.g. dhr@northshire.gov.uk, or leave it empty.", nameof(d.ContactEmail)));
        }

        TextChecks.MaxLength(errors, d.ContactPhone, ReviewLedElsewhere.ContactPhoneMaxLength, nameof(d.ContactPhone), "The phone number");
        if (d.KnownSince is null)
        {
            errors.Add(new Error("Enter the date you heard of the review.", nameof(d.KnownSince)));
        }
        else if (d.KnownSince > today)
        {
            errors.Add(new Error("The date you heard of the review cannot be in the future.", nameof(d.KnownSince)));
        }
        else if (earliestUpdate is DateOnly first && d.KnownSince > first)
        {
            errors.Add(new Error($"The date you heard of the review cannot be after its first update ({Calendar.UkDate.Format(first)}).", nameof(d.KnownSince)));
        }

        return errors;
    }

    /// An update: a stage, an "as at" date from the date the office heard of the review to today, and text (which the
    /// first entry, made with the record, may leave out).
    public static IReadOnlyList<Error> CheckUpdate(DateOnly? asAt, ElsewhereStage? stage, string? text, DateOnly knownSince, DateOnly today,
        bool textRequired = true)
    {
        var errors = new List<Error>();
        if (asAt is null)
        {
            errors.Add(new Error("Enter the date the update describes the review as at.", "AsAt"));
        }
        else if (asAt > today)
        {
            errors.Add(new Error("The \"as at\" date cannot be in the future.", "AsAt"));
        }
        else if (asAt < knownSince)
        {
            errors.Add(new Error($"The \"as at\" date cannot be before you heard of the review ({Calendar.UkDate.Format(knownSince)}).", "AsAt"));
        }

        if (stage is null || !Enum.IsDefined(stage.Value))
        {
            errors.Add(new Error("Choose the stage the review has reached.", "Stage"));
        }

        if (textRequired)
        {
            TextChecks.Required(errors, text, ElsewhereUpdate.TextMaxLength, "Text", "Write the update: what you heard of the review.", "The update");
        }
        else
        {
            TextChecks.MaxLength(errors, text, ElsewhereUpdate.TextMaxLength, "Text", "The update");
        }

        return errors;
    }

    /// Whether the record belongs to a report as at the date: from the date the office heard of it.
    public static bool KnownOn(DateOnly knownSince, DateOnly date) => knownSince <= date;

    /// The update that stands as at the date: the latest dated on or before it (of two on one date, the later recorded).
    public static ElsewhereUpdate? LatestOn(IEnumerable<ElsewhereUpdate> updates, DateOnly date) =>
        updates.Where(u => u.AsAt <= date).OrderByDescending(u => u.AsAt).ThenByDescending(u => u.Id).FirstOrDefault();

    /// The board's words for where the review stood: "Draft report, as at 3 Oct 2026: second draft shared".
    public static string Standing(ElsewhereUpdate? update) => update is null
        ? "Stage not recorded"
        : $"{Describe(update.Stage)}, as at {Calendar.UkDate.Format(update.AsAt)}" + (string.IsNullOrWhiteSpace(update.Text) ? string.Empty : $": {update.Text}");
}
