using Domain.Submissions;

namespace Infrastructure.Data.Migrations;

/// Issue 18: a review may be published at several addresses (PublicationLinks). The one address an earlier release kept
/// on the review becomes the first of its list, under the label the publication step gives, before that column goes.
/// The same statement for both providers. Public for its test.
public static class PublicationLinksBackfill
{
    public const string Sql = $"""
        INSERT INTO "PublicationLinks" ("ReviewId", "Url", "Label", "AddedAtUtc")
        SELECT "Id", "PublicationLink", '{PublicationLink.FirstLabel}', CURRENT_TIMESTAMP FROM "Reviews" WHERE "PublicationLink" IS NOT NULL
        """;
}
