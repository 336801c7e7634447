using Domain;
using Domain.Commissioner;
using Domain.Conduct;

namespace Portal.Fast.Tests;

/// The one check of required and limited free texts (TextChecks), and that the rule classes use it alike.
public sealed class TextChecksTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Required_Blank_GivesTheMissingMessageBesideTheField(string? value)
    {
        var errors = new List<Error>();
        TextChecks.Required(errors, value, 10, "Summary", "Summarise it.", "The summary");
        Assert.Equal([new Error("Summarise it.", "Summary")], errors);
    }

    [Fact]
    public void Required_CountsTheTrimmedText_AgainstTheLimit()
    {
        var errors = new List<Error>();
        TextChecks.Required(errors, "  " + new string('a', 1000) + "  ", 1000, "Text", "Enter it.", "The text");
        Assert.Empty(errors);

        TextChecks.Required(errors, new string('a', 1001), 1000, "Text", "Enter it.", "The text");
        Assert.Equal([new Error("The text must be 1,000 characters or fewer.", "Text")], errors);
    }

    [Fact]
    public void MaxLength_AllowsBlank()
    {
        var errors = new List<Error>();
        TextChecks.MaxLength(errors, null, 5, "Text", "The text");
        TextChecks.MaxLength(errors, " ", 5, "Text", "The text");
        Assert.Empty(errors);
    }

    [Fact]
    public void CommissionerAndTermsOfReference_SayTheSameOfATextTooLong()
    {
        var today = new DateOnly(2026, 12, 7);
        var commissioner = CommissionerRecommendation.Validate("Report", today, 1, new string('x', CommissionerRecommendation.TextMaxLength + 1), today);
        Assert.Equal("The recommendation must be 2,000 characters or fewer.", Assert.Single(commissioner).Message);

        var terms = TermsRules.Validate(new TermsInput(new string('x', TermsOfReferenceVersion.TextMaxLength + 1), today, false, null, null, "Not traced.", null),
            null, isFirst: true, today.AddDays(-30), today);
        Assert.Equal(new Error("The terms of reference must be 8,000 characters or fewer.", nameof(TermsInput.Text)), Assert.Single(terms));
    }
}
