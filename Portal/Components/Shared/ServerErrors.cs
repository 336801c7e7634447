using Domain;

namespace Portal.Components.Shared;

/// The errors of a handler's Result, shown beside the field each names (Error.Field); the rest above the form.
public sealed class ServerErrors
{
    private IReadOnlyList<Error> _errors = [];

    public bool IsConflict => _errors.Any(e => e is Conflict);

    public bool Any => _errors.Count > 0;

    public IEnumerable<string> All => _errors.Select(e => e.Message).Distinct();

    public void Show(Error? error) => _errors = error switch
    {
        null => [],
        ValidationFailed failed => failed.Errors,
        _ => [error],
    };

    public void Clear() => _errors = [];

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    public string? For(string field) => Has(field) ? string.Join(" ", _errors.Where(e => e.Field == field).Select(e => e.Message)) : null;

    /// Messages for no field, or for a field the form does not show, so that none is lost.
    public IEnumerable<string> Others(params string[] shownFields) =>
        _errors.Where(e => e.Field is null || !shownFields.Contains(e.Field)).Select(e => e.Message);
}
