namespace Infrastructure.Data.Migrations;

/// Issue 15: the journal keeps the date each step happened (OccurredOn) apart from when it was recorded
/// (RecordedAtUtc), and case updates their "as at" date. Rows written before that get their dates once, here:
/// the London date they were recorded, then, for the steps that already carried an entered date, that date: the
/// notification for the start; the meeting date for what a CRG meeting's outcome recorded; the dates kept on the review
/// (first presented, decided, Home Office notified or directed, signed off, published, closed) for its latest step of
/// that kind; the latest appointment, submission or QA outcome dated on or before the day an appointment, submission or
/// QA step was recorded. Imported rows were stamped at noon of their tracker date, which is the date they get. The same
/// statements for each provider, differing in how they take a London date and write a boolean. Public for its test.
public static class EventDatesBackfill
{
    public static IEnumerable<string> Sqlite => Statements(SqliteLondonDate, "0", "1");

    public static IEnumerable<string> PostgreSql => Statements(PostgresLondonDate, "false", "true");

    /// The London date of an instant (a column or an expression) in this provider's SQL.
    public static string LondonDate(bool postgres, string instant) => postgres ? PostgresLondonDate(instant) : SqliteLondonDate(instant);

    private static string PostgresLondonDate(string c) => $"({c} AT TIME ZONE 'Europe/London')::date";

    /// SQLite has no time zones: British Summer Time runs from 01:00 UTC on the last Sunday of March (the first Sunday
    /// on or after the 25th) to 01:00 UTC on the last Sunday of October. Instants are stored as "yyyy-MM-dd HH:mm:ss...".
    private static string SqliteLondonDate(string c) => $"""
        (CASE WHEN {c} >= datetime(strftime('%Y', {c}) || '-03-25', 'weekday 0', '+1 hour')
               AND {c} < datetime(strftime('%Y', {c}) || '-10-25', 'weekday 0', '+1 hour')
              THEN date({c}, '+1 hour') ELSE date({c}) END)
        """;

    private static IEnumerable<string> Statements(Func<string, string> londonDate, string no, string yes)
    {
        const string Entry = "\"JournalEntries\"";
        yield return $"""UPDATE {Entry} SET "OccurredOn" = {londonDate("\"RecordedAtUtc\"")}""";
        yield return $"""UPDATE "CaseUpdates" SET "AsAt" = {londonDate("\"RecordedAtUtc\"")}""";
        yield return $"""
            UPDATE {Entry} SET "OccurredOn" = (SELECT r."DateNotified" FROM "Reviews" r WHERE r."Id" = {Entry}."ReviewId")
            WHERE "Kind" = 'Started'
            """;

        // The latest (first, for presentation) step of these triggers gets the date the review keeps for it.
        foreach (var (triggers, column, first, condition) in new[]
        {
            ("'PresentToCrg'", "CrgFirstPresentedOn", true, string.Empty),
            ("'RecordCriteriaMet', 'RecordCriteriaNotMet'", "DecidedOn", false, $"""AND r."HomeOfficeDirected" = {no}"""),
            ("'RecordHomeOfficeDirection'", "DecidedOn", false, $"""AND r."HomeOfficeDirected" = {yes}"""),
            ("'RecordHomeOfficeNotified'", "HomeOfficeNotifiedOn", false, string.Empty),
            ("'RecordSignedOff'", "SignedOffOn", false, string.Empty),
            ("'RecordPublished'", "PublishedOn", false, string.Empty),
            ("'CloseReview', 'CloseWithoutReview'", "ClosedOn", false, string.Empty),
        })
        {
            yield return $"""
                UPDATE {Entry} SET "OccurredOn" = (SELECT r."{column}" FROM "Reviews" r WHERE r."Id" = {Entry}."ReviewId")
                WHERE "IsImported" = {no} AND "Trigger" IN ({triggers})
                    AND "Id" = (SELECT {(first ? "MIN" : "MAX")}(j."Id") FROM {Entry} j WHERE j."ReviewId" = {Entry}."ReviewId" AND j."Trigger" IN ({triggers}))
                    AND EXISTS (SELECT 1 FROM "Reviews" r WHERE r."Id" = {Entry}."ReviewId" AND r."{column}" IS NOT NULL {condition})
                """;
        }

        // Rows of their own, several a review: the latest dated on or before the day the step was recorded (OccurredOn,
        // as the first statement set it).
        foreach (var (trigger, table, column) in new[]
        {
            ("'AppointAuthor'", "AuthorAppointments", "AppointedOn"),
            ("'SubmitToHomeOffice'", "HomeOfficeSubmissions", "SubmittedOn"),
            ("'RecordQaApproved', 'RecordQaApprovedSubjectToAmendments', 'RecordQaResubmit'", "HomeOfficeSubmissions", "QaOutcomeOn"),
        })
        {
            var dated = $"""FROM "{table}" x WHERE x."ReviewId" = {Entry}."ReviewId" AND x."{column}" <= {Entry}."OccurredOn" """;
            yield return $"""
                UPDATE {Entry} SET "OccurredOn" = (SELECT MAX(x."{column}") {dated})
                WHERE "IsImported" = {no} AND "Trigger" IN ({trigger}) AND EXISTS (SELECT 1 {dated})
                """;
        }

        // A CRG meeting's outcome: the journal entries its command wrote share the instant the agenda item records.
        const string Meeting = $"""
            FROM "CrgAgendaItems" i JOIN "CrgMeetings" m ON m."Id" = i."MeetingId"
            WHERE i."ReviewId" = {Entry}."ReviewId" AND i."OutcomeRecordedAtUtc" = {Entry}."RecordedAtUtc"
            """;
        yield return $"""
            UPDATE {Entry} SET "OccurredOn" = (SELECT MAX(m."MeetingDate") {Meeting})
            WHERE "IsImported" = {no} AND "Kind" = 'Transition' AND EXISTS (SELECT 1 {Meeting})
            """;
    }
}
