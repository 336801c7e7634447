namespace Domain;

/// The one check of the free texts a form sends, for every rule class that has them: a required text must not be blank,
/// and no text may be longer than its limit once trimmed (the text is kept trimmed). Messages sit beside the field.
public static class TextChecks
{
    /// Blank (missing, empty or spaces only): the `missing` message; too long: "{what} must be {max} characters or fewer."
    /// (`what` as it starts a sentence, e.g. "The summary").
    public static void Required(List<Error> errors, string? value, int max, string field, string missing, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error(missing, field));
        }
        else
        {
            MaxLength(errors, value, max, field, what);
        }
    }

    /// A text that may be left blank, but not longer than its limit once trimmed.
    public static void MaxLength(List<Error> errors, string? value, int max, string field, string what)
    {
        if (value?.Trim().Length > max)
        {
            errors.Add(new Error($"{what} must be {max:N0} characters or fewer.", field));
        }
    }
}
