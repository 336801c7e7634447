using Domain.Calendar;

namespace Domain.Reviews;

/// What a legal challenge as entered must be: its kind; the date lodged; dates in order (lodged, then the hearing, then
/// the outcome), none in the future nor before the death was notified; an outcome and its date together; an appeal
/// lodged after the outcome it challenges. Each error names its field.
public static class LegalChallengeRules
{
    public static IReadOnlyList<Error> Check(LegalChallengeKind? kind, DateOnly? lodged, DateOnly? hearing, DateOnly? outcomeOn, LegalChallengeOutcome? outcome,
        LegalChallenge? appealOf, string? note, DateOnly notified, DateOnly today)
    {
        var errors = new List<Error>();
        void Add(string field, string message) => errors.Add(new Error(message, field));

        if (kind is null)
        {
            Add("Kind", "Choose the kind of challenge: a judicial review, a complaint or an appeal.");
        }

        string? DateProblem(DateOnly date, DateOnly? after, string afterWhat) =>
            date > today ? "The date cannot be in the future."
            : date < notified ? "The date cannot be before the death was notified: check it."
            : after is { } earlier && date < earlier ? $"The date cannot be before {afterWhat} ({UkDate.Format(earlier)}): check it."
            : null;

        if (lodged is not { } lodgedOn)
        {
            Add("LodgedOn", "Give the date the challenge was lodged.");
        }
        else if (DateProblem(lodgedOn, appealOf?.OutcomeOn, "the outcome it appeals") is { } problem)
        {
            Add("LodgedOn", problem);
        }

        if (hearing is { } hearingOn && DateProblem(hearingOn, lodged, "the challenge was lodged") is { } hearingProblem)
        {
            Add("HearingOn", hearingProblem);
        }

        if (outcomeOn is { } decided)
        {
            var (after, what) = hearing is { } h ? ((DateOnly?)h, "the hearing") : (lodged, "the challenge was lodged");
            if (DateProblem(decided, after, what) is { } outcomeProblem)
            {
                Add("OutcomeOn", outcomeProblem);
            }

            if (outcome is null)
            {
                Add("Outcome", "Choose the outcome, or leave the date of the outcome empty.");
            }
        }
        else if (outcome is not null)
        {
            Add("OutcomeOn", "Give the date of the outcome.");
        }

        if (appealOf is { OutcomeOn: null })
        {
            Add("AppealOfId", "Only a challenge with an outcome can be appealed: record its outcome first.");
        }

        if (note?.Trim().Length > LegalChallenge.NoteMaxLength)
        {
            Add("Note", $"The note must be {LegalChallenge.NoteMaxLength} characters or fewer.");
        }

        return errors;
    }
}
