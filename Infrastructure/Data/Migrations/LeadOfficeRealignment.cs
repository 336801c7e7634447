namespace Infrastructure.Data.Migrations;

/// Issue 13, finding 8: before a CSP's move took its reviews with it (Workflows/Admin/CspMove.cs), a review kept the
/// office that led it when it was registered. This brings every review's lead office into line with its lead CSP's
/// serving office once, journals it on the review's timeline, and hands the review's open office tasks to that office.
/// The same three statements for each provider, differing only in how they write the time and a false. Public for its test.
public static class LeadOfficeRealignment
{
    public static IEnumerable<string> Sqlite => For(postgres: false, eventDates: false);

    public static IEnumerable<string> PostgreSql => For(postgres: true, eventDates: false);

    /// eventDates: for the schema after the EventDates migration, where the journal keeps the date a step happened
    /// (OccurredOn) apart from when it was recorded (AtUtc became RecordedAtUtc) and how precisely (Precision: on SQLite
    /// its column keeps no default once a later migration rebuilds the table); the test runs it on today's schema.
    public static IEnumerable<string> For(bool postgres, bool eventDates)
    {
        var now = postgres ? "now()" : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
        var (columns, values) = eventDates
            ? ("\"OccurredOn\", \"RecordedAtUtc\", \"Precision\"", $"{EventDatesBackfill.LondonDate(postgres, now)}, {now}, 'Day'")
            : ("\"AtUtc\"", now);
        return Statements(columns, values, postgres ? "false" : "0");
    }

    private static IEnumerable<string> Statements(string timeColumns, string timeValues, string no)
    {
        const string diverged = """
            FROM "Reviews" r
            JOIN "Organisations" c ON c."Id" = r."LeadCspId"
            JOIN "Organisations" n ON n."Id" = c."ServingOfficeId"
            WHERE c."ServingOfficeId" <> r."LeadOfficeId"
            """;
        yield return $"""
            INSERT INTO "JournalEntries" ("ReviewId", {timeColumns}, "UserId", "Kind", "FromStage", "ToStage", "Trigger", "Comment", "Detail",
                "DefinitionId", "DefinitionVersion", "IsImported")
            SELECT r."Id", {timeValues}, NULL, 'OfficeChanged', r."Stage", r."Stage", NULL, NULL,
                'Lead office set to ' || n."Name" || ', which serves ' || c."Name" || ': the CSP had moved before a move took its reviews with it.',
                r."DefinitionId", r."DefinitionVersion", {no}
            {diverged}
            """;
        yield return """
            UPDATE "Reviews" SET "LeadOfficeId" = (SELECT c."ServingOfficeId" FROM "Organisations" c WHERE c."Id" = "Reviews"."LeadCspId"),
                "Version" = "Version" + 1
            WHERE EXISTS (SELECT 1 FROM "Organisations" c
                WHERE c."Id" = "Reviews"."LeadCspId" AND c."ServingOfficeId" IS NOT NULL AND c."ServingOfficeId" <> "Reviews"."LeadOfficeId")
            """;
        yield return """
            UPDATE "WorkItems" SET "OfficeId" = (SELECT r."LeadOfficeId" FROM "Reviews" r WHERE r."Id" = "WorkItems"."ReviewId"),
                "AssigneeUserId" = NULL, "AssignedAtUtc" = NULL, "Version" = "Version" + 1
            WHERE "Status" = 'Open' AND "OfficeId" IS NOT NULL
                AND "OfficeId" <> (SELECT r."LeadOfficeId" FROM "Reviews" r WHERE r."Id" = "WorkItems"."ReviewId")
            """;
    }
}
