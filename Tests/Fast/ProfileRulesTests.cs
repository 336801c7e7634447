using Domain;
using Domain.Profiles;

namespace Portal.Fast.Tests;

/// The case profile's rules: what a value may be, the criteria check, and when the profile is complete for the form.
public class ProfileRulesTests
{
    private static readonly IReadOnlyList<ProfileField> Fields = ProfileField.Seed;

    private static ProfileField Field(string key) => Fields.Single(f => f.Key == key);

    private static Dictionary<int, string?> Input(params (string Key, string? Value)[] values) =>
        values.ToDictionary(v => Field(v.Key).Id, v => v.Value);

    [Fact]
    public void Seed_EveryFieldAnsweredByChoosingHasItsAnswers_AndNoOtherHasAny()
    {
        Assert.All(ProfileField.Seed, f => Assert.Equal(f.HasChoices, f.ChoiceList.Count > 0));
        Assert.Contains("Mixed or multiple ethnic groups", Field(ProfileKeys.PerpetratorEthnicity).ChoiceList);
        Assert.Equal(ProfileField.Seed.Count, ProfileField.Seed.Select(f => f.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData(" 34 ", "34")]
    [InlineData("120", "120")]
    [InlineData("", null)]
    public void Normalise_AgesFrom0To120_AreKeptAsWholeNumbers(string typed, string? kept)
    {
        var (value, error) = ProfileRules.Normalise(Field(ProfileKeys.VictimAge), typed);
        Assert.Null(error);
        Assert.Equal(kept, value);
    }

    [Theory]
    [InlineData("121")]
    [InlineData("-1")]
    [InlineData("34.5")]
    [InlineData("thirty")]
    [InlineData("1e2")]
    public void Normalise_AgesOutOfRangeOrNotWhole_AreRefusedBesideTheField(string typed)
    {
        var field = Field(ProfileKeys.PerpetratorAge);
        var (value, error) = ProfileRules.Normalise(field, typed);
        Assert.Null(value);
        Assert.Equal(ProfileRules.FieldName(field.Id), error!.Field);
        Assert.Equal("Perpetrator's age: enter the age in whole years, from 0 to 120, or leave it empty.", error.Message);
    }

    [Fact]
    public void Normalise_ChoicesMustComeFromTheList_SeveralAreKeptInTheListsOrder()
    {
        Assert.Equal(("Female", (Error?)null), ProfileRules.Normalise(Field(ProfileKeys.VictimSex), "Female"));
        Assert.NotNull(ProfileRules.Normalise(Field(ProfileKeys.VictimSex), "female").Error);
        Assert.NotNull(ProfileRules.Normalise(Field(ProfileKeys.Relationship), "Neighbour").Error);
        Assert.Equal("Police\nMARAC\nIDVA", ProfileRules.Normalise(Field(ProfileKeys.KnownToAgencies), "IDVA\nPolice\nMARAC").Value);
        Assert.NotNull(ProfileRules.Normalise(Field(ProfileKeys.KnownToAgencies), "Police\nThe neighbours").Error);
        Assert.NotNull(ProfileRules.Normalise(Field(ProfileKeys.ChildrenInHousehold), "Maybe").Error);
        Assert.Equal("No", ProfileRules.Normalise(Field(ProfileKeys.ChildrenInHousehold), "No").Value);
    }

    [Fact]
    public void Check_NamesEveryBadField_AndABandThatContradictsTheAge()
    {
        var (values, errors) = ProfileRules.Check(Fields, Input((ProfileKeys.VictimAge, "130"), (ProfileKeys.VictimSex, "Unknown"),
            (ProfileKeys.PerpetratorAge, "40"), (ProfileKeys.PerpetratorAgeBand, "16 to 24"), (ProfileKeys.DeathKind, "Homicide")));

        Assert.Equal([ProfileKeys.VictimAge, ProfileKeys.VictimSex, ProfileKeys.PerpetratorAgeBand],
            errors.Select(e => Fields.Single(f => ProfileRules.FieldName(f.Id) == e.Field).Key));
        Assert.Equal("Homicide", values[Field(ProfileKeys.DeathKind).Id]);
    }

    [Theory]
    [InlineData(0, "Under 16")]
    [InlineData(15, "Under 16")]
    [InlineData(16, "16 to 24")]
    [InlineData(24, "16 to 24")]
    [InlineData(25, "25 to 34")]
    [InlineData(74, "65 to 74")]
    [InlineData(75, "75 and over")]
    [InlineData(120, "75 and over")]
    public void AgeBands_EachAgeFallsInOneBand(int age, string band) => Assert.Equal(band, AgeBands.Of(age));

    [Theory]
    [InlineData("15", null, true)]
    [InlineData("16", null, false)]
    [InlineData(null, "Under 16", true)]
    [InlineData(null, "16 to 24", false)]
    [InlineData(null, null, false)]
    public void CriteriaCheck_VictimUnder16_SuggestsAChildSafeguardingPracticeReview(string? age, string? band, bool suggested)
    {
        var values = new Dictionary<string, string>();
        if (age is not null)
        {
            values[ProfileKeys.VictimAge] = age;
        }

        if (band is not null)
        {
            values[ProfileKeys.VictimAgeBand] = band;
        }

        var notes = ProfileRules.CriteriaCheck(values);
        Assert.Equal(suggested, notes.Any(n => n.Warning && n.Text.StartsWith("The victim was under 16: consider a Child Safeguarding Practice Review", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Intimate partner", false)]
    [InlineData("Ex-partner", false)]
    [InlineData("Family member", false)]
    [InlineData("Member of the same household", false)]
    [InlineData("Other", true)]
    public void CriteriaCheck_RelationshipNotNamedByTheCriteria_IsAWarning(string relationship, bool warned)
    {
        var notes = ProfileRules.CriteriaCheck(new Dictionary<string, string> { [ProfileKeys.Relationship] = relationship, [ProfileKeys.VictimAge] = "40" });
        Assert.Equal(warned ? 1 : 0, notes.Count);
        Assert.All(notes, n => Assert.Contains("not one the statutory criteria name", n.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_AnAgeOrItsBandIsEnough_EveryOtherActiveFieldIsNeeded()
    {
        var all = Fields.ToDictionary(f => f.Id, f => "x");
        Assert.Empty(ProfileRules.Missing(Fields, all));

        var withoutBands = all.Where(kv => kv.Key != Field(ProfileKeys.VictimAgeBand).Id && kv.Key != Field(ProfileKeys.PerpetratorAge).Id)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Empty(ProfileRules.Missing(Fields, withoutBands));

        var neither = withoutBands.Where(kv => kv.Key != Field(ProfileKeys.VictimAge).Id && kv.Key != Field(ProfileKeys.DeathMethod).Id)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal([ProfileKeys.VictimAge, ProfileKeys.VictimAgeBand, ProfileKeys.DeathMethod], ProfileRules.Missing(Fields, neither).Select(f => f.Key));
    }

    [Fact]
    public void FieldRules_ANewFieldNeedsAUniqueQuestion_AndChoicesOnlyWhenAnsweredByChoosing()
    {
        Assert.Equal(["Label", "Choices"], ProfileFieldRules.CheckField(" ", ProfileFieldKind.Choice, [], []).Select(e => e.Field));
        Assert.Equal(["Label"], ProfileFieldRules.CheckField("victim's sex", ProfileFieldKind.Text, [], ["Victim's sex"]).Select(e => e.Field));
        Assert.Equal(["Choices"], ProfileFieldRules.CheckField("Victim's religion", ProfileFieldKind.Number, ["One"], []).Select(e => e.Field));
        Assert.Equal(["Choices"], ProfileFieldRules.CheckField("Victim's religion", ProfileFieldKind.Choice, ["None", "none"], []).Select(e => e.Field));
        Assert.Empty(ProfileFieldRules.CheckField("Victim's religion", ProfileFieldKind.Choice, ["None", "Christian", "Muslim"], ["Victim's sex"]));
    }
}
