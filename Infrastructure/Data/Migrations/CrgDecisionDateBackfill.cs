namespace Infrastructure.Data.Migrations;

/// Until issue 15's last part a Home Office direction overwrote the review's DecidedOn with its own date. DecidedOn is the
/// CRG's decision date again (the direction's stays on its journal entry): a directed review gets back the date of its
/// latest CRG decision step. One statement for both providers, which differ only in how they write a boolean. Public for
/// its test.
public static class CrgDecisionDateBackfill
{
    public static string Statement(bool postgres) => $"""
        UPDATE "Reviews" SET "DecidedOn" = (
            SELECT j."OccurredOn" FROM "JournalEntries" j
            WHERE j."ReviewId" = "Reviews"."Id" AND j."Trigger" IN ('RecordCriteriaMet', 'RecordCriteriaNotMet', 'ReverseCriteriaNotMet')
            ORDER BY j."Id" DESC LIMIT 1)
        WHERE "HomeOfficeDirected" = {(postgres ? "true" : "1")} AND EXISTS (
            SELECT 1 FROM "JournalEntries" j
            WHERE j."ReviewId" = "Reviews"."Id" AND j."Trigger" IN ('RecordCriteriaMet', 'RecordCriteriaNotMet', 'ReverseCriteriaNotMet'))
        """;
}
