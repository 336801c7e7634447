using Domain.Email;
using Domain.Organisations;

namespace Portal.Fast.Tests;

/// The one "looks like an email address" rule for contacts written to by hand (escalation contacts, contacts in other
/// areas), and the escalation contact's use of it.
public class AddressShapeTests
{
    [Theory]
    [InlineData("chair@csp.example.org", true)]
    [InlineData("  chair@csp.example.org  ", true)]
    [InlineData("chair@", false)]
    [InlineData("@csp.example.org", false)]
    [InlineData("chair csp@example.org", false)]
    [InlineData("chair.example.org", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void LooksLikeAnAddress_OnlyWithSomethingEitherSideOfTheAtAndNoSpace(string? typed, bool looks) =>
        Assert.Equal(looks, AddressShape.Looks(typed, 200));

    [Fact]
    public void AnAddressLongerThanTheField_IsRefused() =>
        Assert.False(AddressShape.Looks(new string('a', 20) + "@example.org", 20));

    [Fact]
    public void EscalationEmail_UsesTheRule_AndOnlyForCspsAndAgencies()
    {
        Assert.Null(Organisation.ValidateEscalationEmail(OrganisationKind.Csp, "chair@csp.example.org"));
        Assert.Null(Organisation.ValidateEscalationEmail(OrganisationKind.Agency, null));
        Assert.Equal("EscalationEmail", Organisation.ValidateEscalationEmail(OrganisationKind.Agency, "chair@")!.Field);
        Assert.Contains("no escalation contact", Organisation.ValidateEscalationEmail(OrganisationKind.ReviewOffice, "a@b.org")!.Message, StringComparison.Ordinal);
    }
}
