namespace Domain.Profiles;

/// How a field of the case profile is answered: one choice from its list, any number of choices, a whole number,
/// yes or no, or a short text.
public enum ProfileFieldKind
{
    Choice,
    SeveralChoices,
    Number,
    YesNo,
    Text,
}

/// One question of the case profile: the facts the statutory criteria and the Home Office's data collection form rest
/// on. The form changes, so the fields are a list administrators extend (new fields, new choices); the fields the
/// portal itself reads (the criteria check, the board's overview) carry a Key and are seeded by migration with fixed ids.
public sealed class ProfileField
{
    public int Id { get; set; }

    /// Null for a field an administrator added; the seeded fields' keys are ProfileKeys.
    public string? Key { get; set; }

    public required string Label { get; set; }

    public ProfileFieldKind Kind { get; set; }

    /// The choices of a Choice or SeveralChoices field, one a line, in display order. Choices are only ever added, never
    /// removed or renamed, so a value once recorded stays one of them.
    public string Choices { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public const int KeyMaxLength = 40;
    public const int LabelMaxLength = 120;
    public const int ChoiceMaxLength = 80;
    public const int MaxChoices = 40;
    public const int ChoicesMaxLength = (ChoiceMaxLength + 1) * MaxChoices;

    public IReadOnlyList<string> ChoiceList => ProfileRules.SplitLines(Choices);

    public bool HasChoices => Kind is ProfileFieldKind.Choice or ProfileFieldKind.SeveralChoices;

    /// The Office for National Statistics' five broad groups, and "not known" (declared before Seed, which reads it).
    private static readonly string[] Ethnicities = ["Asian or Asian British", "Black, Black British, Caribbean or African", "Mixed or multiple ethnic groups",
        "White", "Other ethnic group", "Not known"];

    /// The fields every portal starts with, in form order. Ids are fixed so the migration can seed them.
    public static IReadOnlyList<ProfileField> Seed { get; } =
    [
        Seeded(1, ProfileKeys.VictimAge, "Victim's age", ProfileFieldKind.Number, 10),
        Seeded(2, ProfileKeys.VictimAgeBand, "Victim's age band (when the age is not known)", ProfileFieldKind.Choice, 20, AgeBands.All),
        Seeded(3, ProfileKeys.VictimSex, "Victim's sex", ProfileFieldKind.Choice, 30, ["Female", "Male"]),
        Seeded(4, ProfileKeys.VictimEthnicity, "Victim's ethnicity", ProfileFieldKind.Choice, 40, Ethnicities),
        Seeded(5, ProfileKeys.VictimDisability, "Victim had a disability", ProfileFieldKind.YesNo, 50),
        Seeded(6, ProfileKeys.PerpetratorAge, "Perpetrator's age", ProfileFieldKind.Number, 110),
        Seeded(7, ProfileKeys.PerpetratorAgeBand, "Perpetrator's age band (when the age is not known)", ProfileFieldKind.Choice, 120, AgeBands.All),
        Seeded(8, ProfileKeys.PerpetratorSex, "Perpetrator's sex", ProfileFieldKind.Choice, 130, ["Female", "Male"]),
        Seeded(9, ProfileKeys.PerpetratorEthnicity, "Perpetrator's ethnicity", ProfileFieldKind.Choice, 140, Ethnicities),
        Seeded(10, ProfileKeys.PerpetratorDisability, "Perpetrator had a disability", ProfileFieldKind.YesNo, 150),
        Seeded(11, ProfileKeys.Relationship, "Relationship of the perpetrator to the victim", ProfileFieldKind.Choice, 210, Relationships.All),
        Seeded(12, ProfileKeys.DeathKind, "Kind of death", ProfileFieldKind.Choice, 220, ["Homicide", "Suicide", "Homicide-suicide", "Other"]),
        Seeded(13, ProfileKeys.DeathMethod, "Method", ProfileFieldKind.Choice, 230,
            ["Sharp instrument", "Blunt instrument", "Hitting or kicking", "Strangulation or suffocation", "Shooting", "Poisoning or overdose",
                "Hanging", "Fall", "Fire", "Other", "Not known"]),
        Seeded(14, ProfileKeys.KnownToAgencies, "Victim known to agencies for domestic abuse", ProfileFieldKind.SeveralChoices, 310,
            ["Police", "MARAC", "IDVA", "Children's social care", "Adult social care", "Health", "Housing", "Specialist domestic abuse service", "Other"]),
        Seeded(15, ProfileKeys.ChildrenInHousehold, "Children in the household", ProfileFieldKind.YesNo, 320),
    ];

    private static ProfileField Seeded(int id, string key, string label, ProfileFieldKind kind, int order, IEnumerable<string>? choices = null) =>
        new() { Id = id, Key = key, Label = label, Kind = kind, SortOrder = order, Choices = string.Join('\n', choices ?? []) };
}

/// One answer of one review's case profile. Values are protected at rest (the profile is special category and criminal
/// offence data about a death); several choices are kept one a line.
public sealed class ProfileValue
{
    public int ReviewId { get; set; }

    public int FieldId { get; set; }

    public required string Value { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public required string UpdatedByUserId { get; set; }

    public const int TextMaxLength = 500;
}

/// The keys of the fields the portal reads itself.
public static class ProfileKeys
{
    public const string VictimAge = "victim-age";
    public const string VictimAgeBand = "victim-age-band";
    public const string VictimSex = "victim-sex";
    public const string VictimEthnicity = "victim-ethnicity";
    public const string VictimDisability = "victim-disability";
    public const string PerpetratorAge = "perpetrator-age";
    public const string PerpetratorAgeBand = "perpetrator-age-band";
    public const string PerpetratorSex = "perpetrator-sex";
    public const string PerpetratorEthnicity = "perpetrator-ethnicity";
    public const string PerpetratorDisability = "perpetrator-disability";
    public const string Relationship = "relationship";
    public const string DeathKind = "death-kind";
    public const string DeathMethod = "death-method";
    public const string KnownToAgencies = "known-to-agencies";
    public const string ChildrenInHousehold = "children-in-household";

    public static bool IsAge(string? key) => key is VictimAge or PerpetratorAge;
}

/// The age bands of the profile and the board's overview; an exact age falls in exactly one.
public static class AgeBands
{
    public const string Under16 = "Under 16";

    public static IReadOnlyList<string> All { get; } =
        [Under16, "16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "75 and over"];

    public static string Of(int age) => age switch
    {
        < 16 => Under16,
        < 25 => All[1],
        < 35 => All[2],
        < 45 => All[3],
        < 55 => All[4],
        < 65 => All[5],
        < 75 => All[6],
        _ => All[7],
    };
}

/// The relationships the statutory criteria name (section 9 of the Domestic Violence, Crime and Victims Act 2004), and "other".
public static class Relationships
{
    public const string Other = "Other";

    public static IReadOnlyList<string> Statutory { get; } = ["Intimate partner", "Ex-partner", "Family member", "Member of the same household"];

    public static IReadOnlyList<string> All { get; } = [.. Statutory, Other];
}

/// A note of the criteria check beside the profile: a prompt, or a warning that the statutory criteria may not be met.
public sealed record CriteriaNote(string Text, bool Warning);

/// The rules of the case profile: what a value may be, the criteria check, and when the profile is complete.
public static class ProfileRules
{
    public const int MaxAge = 120;
    public const int MaxNumber = 9999;

    public const string YesValue = "Yes";
    public const string NoValue = "No";

    public static IReadOnlyList<string> SplitLines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// The form's field name of a profile field (what an error names, what the page puts the message beside).
    public static string FieldName(int fieldId) => $"Field{fieldId}";

    /// The value as it is kept (trimmed; several choices in the field's order, one a line), or null when empty, or an error.
    public static (string? Value, Error? Error) Normalise(ProfileField field, string? raw)
    {
        var name = FieldName(field.Id);
        var text = raw?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return (null, null);
        }

        switch (field.Kind)
        {
            case ProfileFieldKind.Number:
                var max = ProfileKeys.IsAge(field.Key) ? MaxAge : MaxNumber;
                return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= max
                    ? (n.ToString(System.Globalization.CultureInfo.InvariantCulture), null)
                    : (null, new Error(ProfileKeys.IsAge(field.Key)
                        ? $"{field.Label}: enter the age in whole years, from 0 to {MaxAge}, or leave it empty."
                        : $"{field.Label}: enter a whole number from 0 to {MaxNumber}, or leave it empty.", name));
            case ProfileFieldKind.YesNo:
                return text is YesValue or NoValue ? (text, null) : (null, new Error($"{field.Label}: choose yes or no, or leave it empty.", name));
            case ProfileFieldKind.Choice:
                return field.ChoiceList.Contains(text, StringComparer.Ordinal)
                    ? (text, null)
                    : (null, new Error($"{field.Label}: choose one of the listed answers.", name));
            case ProfileFieldKind.SeveralChoices:
                var chosen = SplitLines(text);
                var choices = field.ChoiceList;
                return chosen.All(c => choices.Contains(c, StringComparer.Ordinal))
                    ? (string.Join('\n', choices.Where(c => chosen.Contains(c, StringComparer.Ordinal))), null)
                    : (null, new Error($"{field.Label}: choose from the listed answers only.", name));
            default:
                return text.Length <= ProfileValue.TextMaxLength
                    ? (text, null)
                    : (null, new Error($"{field.Label}: keep it to {ProfileValue.TextMaxLength} characters.", name));
        }
    }

    /// Every field's value checked; the age band must agree with an age given with it. Values: by field id.
    public static (IReadOnlyDictionary<int, string> Values, IReadOnlyList<Error> Errors) Check(IReadOnlyList<ProfileField> fields,
        IReadOnlyDictionary<int, string?> input)
    {
        var values = new Dictionary<int, string>();
        var errors = new List<Error>();
        foreach (var field in fields)
        {
            var (value, error) = Normalise(field, input.GetValueOrDefault(field.Id));
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (value is not null)
            {
                values[field.Id] = value;
            }
        }

        foreach (var (age, band) in new[] { (ProfileKeys.VictimAge, ProfileKeys.VictimAgeBand), (ProfileKeys.PerpetratorAge, ProfileKeys.PerpetratorAgeBand) })
        {
            var ageField = fields.FirstOrDefault(f => f.Key == age);
            var bandField = fields.FirstOrDefault(f => f.Key == band);
            if (ageField is not null && bandField is not null && values.TryGetValue(ageField.Id, out var a) && values.TryGetValue(bandField.Id, out var b)
                && AgeBands.Of(int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)) != b)
            {
                errors.Add(new Error($"{bandField.Label}: the band does not match the age ({a}). Clear the band, or correct the age.", FieldName(bandField.Id)));
            }
        }

        return (values, errors);
    }

    /// The victim's age band: from the age when known, else the band recorded (null: neither).
    public static string? AgeBandOf(string? age, string? band) =>
        int.TryParse(age, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? AgeBands.Of(n) : band;

    /// The criteria check beside the profile: a victim under 16 is a matter for a Child Safeguarding Practice Review; a
    /// relationship other than those the criteria name means the criteria may not be met. Values: by field key.
    public static IReadOnlyList<CriteriaNote> CriteriaCheck(IReadOnlyDictionary<string, string> values)
    {
        var notes = new List<CriteriaNote>();
        if (AgeBandOf(values.GetValueOrDefault(ProfileKeys.VictimAge), values.GetValueOrDefault(ProfileKeys.VictimAgeBand)) == AgeBands.Under16)
        {
            notes.Add(new CriteriaNote("The victim was under 16: consider a Child Safeguarding Practice Review. A domestic abuse related death review "
                + "is for the death of a person aged 16 or over.", Warning: true));
        }

        if (values.GetValueOrDefault(ProfileKeys.Relationship) is { } relationship && !Relationships.Statutory.Contains(relationship, StringComparer.Ordinal))
        {
            notes.Add(new CriteriaNote("The relationship is not one the statutory criteria name (intimate partner or ex-partner, family member, member of "
                + "the same household): check with the CRG that the criteria are met before the review goes ahead.", Warning: true));
        }

        return notes;
    }

    /// Complete: every active field answered, except an age band where the age is given (the band follows from it) and an
    /// age where its band is given (the age is not known).
    public static IReadOnlyList<ProfileField> Missing(IReadOnlyList<ProfileField> activeFields, IReadOnlyDictionary<int, string> values)
    {
        bool Has(string key) => activeFields.FirstOrDefault(f => f.Key == key) is { } f && values.ContainsKey(f.Id);
        return activeFields.Where(f => !values.ContainsKey(f.Id))
            .Where(f => f.Key switch
            {
                ProfileKeys.VictimAgeBand => !Has(ProfileKeys.VictimAge),
                ProfileKeys.VictimAge => !Has(ProfileKeys.VictimAgeBand),
                ProfileKeys.PerpetratorAgeBand => !Has(ProfileKeys.PerpetratorAge),
                ProfileKeys.PerpetratorAge => !Has(ProfileKeys.PerpetratorAgeBand),
                _ => true,
            })
            .ToList();
    }
}

/// The rules of the field list administrators keep.
public static class ProfileFieldRules
{
    public static IReadOnlyList<Error> CheckField(string? label, ProfileFieldKind kind, IReadOnlyList<string> choices, IEnumerable<string> otherLabels)
    {
        var errors = new List<Error>();
        var trimmed = label?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add(new Error("Enter the question as the form asks it, e.g. \"Victim's religion\".", "Label"));
        }
        else if (trimmed.Length > ProfileField.LabelMaxLength)
        {
            errors.Add(new Error($"The question must be {ProfileField.LabelMaxLength} characters or fewer.", "Label"));
        }
        else if (otherLabels.Any(l => string.Equals(l.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new Error("A field with that question already exists: choose other words, or reactivate it.", "Label"));
        }

        var hasChoices = kind is ProfileFieldKind.Choice or ProfileFieldKind.SeveralChoices;
        if (hasChoices && choices.Count == 0)
        {
            errors.Add(new Error("List the answers to choose from, one a line.", "Choices"));
        }
        else if (!hasChoices && choices.Count > 0)
        {
            errors.Add(new Error("Only a field answered by choosing has a list of answers: clear the list or choose another kind.", "Choices"));
        }
        else
        {
            errors.AddRange(CheckChoices(choices));
        }

        return errors;
    }

    public static IReadOnlyList<Error> CheckChoices(IReadOnlyList<string> choices)
    {
        if (choices.Count > ProfileField.MaxChoices || choices.Any(c => c.Length > ProfileField.ChoiceMaxLength))
        {
            return [new Error($"List at most {ProfileField.MaxChoices} answers of up to {ProfileField.ChoiceMaxLength} characters each.", "Choices")];
        }

        return choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() == choices.Count
            ? []
            : [new Error("Each answer must be listed once.", "Choices")];
    }
}
