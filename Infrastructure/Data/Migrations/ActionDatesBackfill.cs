namespace Infrastructure.Data.Migrations;

/// Issue 18: an action keeps the day it was agreed, an update its "as at" date and a re-plan the day it was agreed,
/// apart from when each was typed. Rows written before that get the London date they were recorded: the only date
/// known for them. Public for its test.
public static class ActionDatesBackfill
{
    public static IEnumerable<string> Statements(bool postgres)
    {
        yield return $"""UPDATE "PlanActions" SET "AgreedOn" = {EventDatesBackfill.LondonDate(postgres, "\"CreatedAtUtc\"")}""";
        yield return $"""UPDATE "ActionUpdates" SET "AsAt" = {EventDatesBackfill.LondonDate(postgres, "\"AtUtc\"")}""";
        yield return $"""UPDATE "ActionChanges" SET "AgreedOn" = {EventDatesBackfill.LondonDate(postgres, "\"AtUtc\"")}""";
    }
}
