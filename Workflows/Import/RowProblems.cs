namespace Workflows.Import;

/// The problems found in one row of the sheet, each with its column and what to do.
public sealed class RowProblems(int row)
{
    private readonly List<ImportProblem> _problems = [];

    public int Row { get; } = row;

    public bool Any => _problems.Count > 0;

    public List<ImportProblem> List => _problems;

    public void Add(string column, string message) => _problems.Add(new ImportProblem(Row, column, message));
}
