using DocumentFormat.OpenXml.Wordprocessing;
using Workflows.Reports;

namespace Portal.Features.Reports;

/// The activity overview's section of the board report's .docx: the same texts as the page (ActivityOverviewText).
public static class ActivityOverviewDocx
{
    public static void Append(Body body, ActivityOverview overview, uint usableWidth)
    {
        body.Append(WordParts.Heading(ActivityOverviewText.Heading, 2));
        body.Append(WordParts.Text(ActivityOverviewText.Help));
        var tables = ActivityOverviewText.Tables(overview);
        if (tables.Count == 0)
        {
            body.Append(WordParts.Text(ActivityOverviewText.Empty));
        }

        foreach (var (title, table) in tables)
        {
            body.Append(WordParts.Heading(title, 3));
            WordParts.AppendTable(body, table, ActivityOverviewText.Empty, usableWidth);
        }
    }
}
