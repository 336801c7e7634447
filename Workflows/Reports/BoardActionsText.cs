using Domain.ActionPlans;
using Domain.Calendar;

namespace Workflows.Reports;

/// The words of the board report's actions appendix, for the page and the .docx alike.
public static class BoardActionsText
{
    public const string Empty = "No outstanding action: every action of these reviews and learning sources was signed off by the date.";

    public static string Help(BoardActions appendix) =>
        $"Actions not signed off on {UkDate.Format(appendix.AsOf)}, of the reviews this office or CSP leads and its other learning "
        + "(learning sources such as a thematic review), by review or source and owning agency. "
        + $"Reviews by case label and reference only, sources by title and reference. \"Changed since\" covers {UkDate.Format(appendix.Since.AddDays(1))} to "
        + $"{UkDate.Format(appendix.AsOf)}: the time since the previous board.";

    public static TextTable Table(BoardActions appendix) => new(
        ["Review or source", "Owner", "Action", "What will be done", "Due", "Status", "Latest update", $"Changed since {UkDate.Format(appendix.Since)}"],
        appendix.Actions.Select(a => (IReadOnlyList<string>)
        [
            $"{a.CaseLabel} ({a.Reference})", a.OwnerAgency, a.Label, a.What, UkDate.Format(a.DueDate), ActionStatuses.Describe(a.Status),
            a.LatestUpdateOn is DateOnly on ? $"{UkDate.Format(on)}: {a.LatestUpdate}" : "No update yet",
            a.ChangedSince.Count == 0 ? "No change" : string.Join("\n", a.ChangedSince),
        ]).ToList());
}
