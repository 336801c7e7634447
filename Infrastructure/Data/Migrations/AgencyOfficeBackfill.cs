namespace Infrastructure.Data.Migrations;

/// Issue 13, finding 2: an agency contact now sees only the work of the review offices that work with their agency
/// (AgencyOffices, kept by administrators). So that contacts keep the requests and actions they were already answering,
/// an office works with every agency it has sent a request to, given an action or seated on a panel. The same statement
/// for both providers; administrators add the rest on the agency's page. Public for its test.
public static class AgencyOfficeBackfill
{
    public const string Sql = """
        INSERT INTO "AgencyOffices" ("AgencyId", "OfficeId")
        SELECT DISTINCT w."AgencyId", r."LeadOfficeId"
        FROM (SELECT "ReviewId", "AgencyId" FROM "InformationRequests"
              UNION SELECT "ReviewId", "OwnerAgencyId" FROM "PlanActions"
              UNION SELECT "ReviewId", "AgencyId" FROM "PanelSeats" WHERE "AgencyId" IS NOT NULL) w
        JOIN "Reviews" r ON r."Id" = w."ReviewId"
        """;
}
