using Domain.Reviews;
using Workflows.Import;
using C = Workflows.Import.ImportColumns;

namespace Portal.Fast.Tests;

/// Rows of the tracker for reviews led by areas outside the portal ("Led by" filled in), read through the rules of the
/// ones recorded by hand (today is 15 Nov 2026).
public class ImportElsewhereRowTests
{
    private static readonly DateOnly Today = new(2026, 11, 15);

    private static readonly ImportLookups Lookups = new(
        new Dictionary<string, int> { ["leicester city csp"] = 1, ["rutland csp"] = 2 },
        new Dictionary<string, int> { ["leicestershire police"] = 10, ["uhl nhs trust"] = 11 },
        new HashSet<string> { "case a 2024" },
        Today,
        new HashSet<string> { TrackerElsewhere.Key("Westshire", "Adult W") });

    private static TrackerRow Row(int number, params (string Column, string Value)[] cells)
    {
        var map = new Dictionary<string, string>
        {
            [C.CaseLabel] = "Adult N", [C.LeadCsp] = "Northshire CSP", [C.LedBy] = "Northshire", [C.TakingPart] = "Rutland CSP; Leicestershire Police",
            [C.Notified] = "01/09/2026", [C.Stage] = "Review under way",
        };
        foreach (var (column, value) in cells)
        {
            map[column] = value;
        }

        return new TrackerRow(number, map);
    }

    [Fact]
    public void Check_ARowLedElsewhere_BecomesItsRecord_WithTheStageAsAtTheUpdatesDate()
    {
        var (reviews, elsewhere, problems) = ImportRows.Check(
            [Row(2, (C.TheirReference, "NS-DHR-12"), (C.Contact, "Morgan Contactperson"), (C.LatestUpdate, "Our chronology went in."), (C.UpdateAsAt, "03/10/2026"))],
            Lookups);

        Assert.Empty(problems);
        Assert.Empty(reviews);
        var row = Assert.Single(elsewhere);
        Assert.Equal(new ElsewhereDetails("Northshire", "Northshire CSP", "NS-DHR-12", "Adult N", 2, 10, "Morgan Contactperson", null, null, new DateOnly(2026, 9, 1)),
            row.Details);
        Assert.Equal((2, ElsewhereStage.UnderWay, "Our chronology went in.", new DateOnly(2026, 10, 3)), (row.Row, row.Stage, row.Update, row.AsAt));
    }

    [Fact]
    public void Check_WithoutContactUpdateOrItsDate_TheAgencyAlone_StandsAsAtTheDayOfTheImport()
    {
        var (_, elsewhere, problems) = ImportRows.Check([Row(2, (C.TakingPart, "UHL NHS Trust"), (C.Stage, "draft report"))], Lookups);

        Assert.Empty(problems);
        var row = Assert.Single(elsewhere);
        Assert.Equal((null, 11, null), (row.Details.CspId, row.Details.AgencyId, row.Details.ContactName));
        Assert.Equal((ElsewhereStage.DraftReport, (string?)null, Today), (row.Stage, row.Update, row.AsAt));
    }

    [Fact]
    public void Check_ABadRowLedElsewhere_NamesTheColumnOfEachProblem_AsTheTemplateHeadsIt()
    {
        var (_, elsewhere, problems) = ImportRows.Check(
        [
            Row(2, (C.LeadCsp, ""), (C.TakingPart, ""), (C.Notified, ""), (C.Stage, "Panel and report writing"), (C.Decision, "01/10/2026"), (C.Type, "DHR")),
            Row(3, (C.CaseLabel, "Adult O"), (C.TakingPart, "Ashford CSP"), (C.Notified, "01/12/2026"), (C.UpdateAsAt, "01/08/2026"), (C.LatestUpdate, "Heard.")),
            Row(4, (C.CaseLabel, "Adult P"), (C.TakingPart, "Rutland CSP; Leicester City CSP"), (C.Contact, new string('x', ReviewLedElsewhere.ContactNameMaxLength + 1))),
        ], Lookups);

        Assert.Empty(elsewhere);
        Assert.Equal(
            [
                (2, C.Type, "A review led elsewhere (\"Led by\" is filled in) has no \"Type\": the area that leads it keeps its history. Clear this cell, or clear \"Led by\" if your office leads the review."),
                (2, C.Decision, "A review led elsewhere (\"Led by\" is filled in) has no \"CRG decision\": the area that leads it keeps its history. Clear this cell, or clear \"Led by\" if your office leads the review."),
                (2, C.Stage, "\"Panel and report writing\" is not a stage of a review led elsewhere: enter one of Awaiting the decision to review, Review under way, On hold, Draft report, With the Home Office, Published, Not going ahead."),
                (2, C.LeadCsp, "Enter the CSP that leads the review, e.g. Northshire CSP."),
                (2, C.TakingPart, "Choose the CSP or the agency of yours that takes part (or both)."),
                (2, C.Notified, "Enter the date you heard of the review."),
                (3, C.TakingPart, "\"Ashford CSP\" is neither a CSP your office serves nor an agency in the portal: use the names as the portal shows them (see the lists in the template), separated by \";\"."),
                (3, C.Notified, "1 Dec 2026 is in the future: the tracker records what has happened."),
                (4, C.TakingPart, "Name one CSP of yours, one agency, or one of each, separated by \";\"."),
                (4, C.Contact, $"The contact's name must be {ReviewLedElsewhere.ContactNameMaxLength} characters or fewer."),
            ],
            problems.Select(p => (p.Row, p.Column, p.Message)));
    }

    [Fact]
    public void Check_AnUpdateBeforeTheDayHeardOf_TheSameReviewTwice_OrOneRecordedAlready_IsRefused()
    {
        var (_, elsewhere, problems) = ImportRows.Check(
        [
            Row(2, (C.CaseLabel, "Adult M"), (C.UpdateAsAt, "01/08/2026"), (C.LatestUpdate, "Heard.")),
            Row(3),
            Row(4, (C.CaseLabel, "adult  n")),
            Row(5, (C.CaseLabel, "Adult W"), (C.LedBy, "Westshire")),
            Row(6, (C.LedBy, "Southshire")),
        ], Lookups);

        Assert.Equal([3, 6], elsewhere.Select(e => e.Row));
        Assert.Equal(
            [
                (2, C.UpdateAsAt, "The \"as at\" date cannot be before you heard of the review (1 Sep 2026)."),
                (4, C.CaseLabel, "The case label \"adult  n\" is also used on row 3: each review needs its own label."),
                (5, C.CaseLabel, "A review led by Westshire with the case label \"Adult W\" is already recorded: remove this row (add updates on its page)."),
            ],
            problems.Select(p => (p.Row, p.Column, p.Message)));
    }

    [Fact]
    public void CheckRow_AReviewTheOfficeLeads_HasNothingInTheColumnsOfOneLedElsewhere()
    {
        var (row, problems) = ImportRows.CheckRow(new TrackerRow(2, new Dictionary<string, string>
        {
            [C.CaseLabel] = "Case T 2025", [C.LeadCsp] = "Leicester City CSP", [C.Type] = "DHR", [C.NotifyingAgency] = "Leicestershire Police",
            [C.DeathMonth] = "02/2025", [C.Notified] = "03/03/2025", [C.Stage] = "Notification received", [C.TakingPart] = "Rutland CSP",
        }), Lookups);

        Assert.Null(row);
        var problem = Assert.Single(problems);
        Assert.Equal((C.TakingPart, "\"Taking part\" is for a review led elsewhere: enter the area that leads it in \"Led by\", or clear this cell."),
            (problem.Column, problem.Message));
    }
}
