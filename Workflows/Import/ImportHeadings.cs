using C = Workflows.Import.ImportColumns;

namespace Workflows.Import;

/// Checks the sheet's headings (row 1) against the template: no column the template lacks, none missing, none twice.
public static class ImportHeadings
{
    public static IReadOnlyList<ImportProblem> Check(IReadOnlyList<string> headings)
    {
        var problems = new List<ImportProblem>();
        foreach (var heading in headings.Where(h => h.Trim().Length > 0 && C.Match(h) is null))
        {
            problems.Add(new ImportProblem(1, heading.Trim(), $"\"{heading.Trim()}\" is not a column of the template: remove it (the import takes no names or other details)."));
        }

        foreach (var missing in C.Required.Where(r => !headings.Any(h => C.Match(h) == r)))
        {
            problems.Add(new ImportProblem(1, missing, $"The column \"{missing}\" is missing: add it with this heading (see the template)."));
        }

        foreach (var twice in headings.Select(C.Match).Where(m => m is not null).GroupBy(m => m).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(1, twice.Key!, $"The column \"{twice.Key}\" appears more than once: keep one."));
        }

        return problems;
    }
}
