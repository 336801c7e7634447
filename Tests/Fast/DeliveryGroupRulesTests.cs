using Domain.Access;
using Domain.Organisations;
using Workflows.ActionPlans;

namespace Portal.Fast.Tests;

/// The register of delivery groups and boards (issue 18): its field rules, the stand-down rule, who keeps it, and how an
/// action's owner is named wherever owners are picked or shown (never by a person).
public class DeliveryGroupRulesTests
{
    private static Actor As(Role role, params int[] offices) =>
        new("u1", "u1@example.org", new HashSet<Role> { role }, offices.ToHashSet(), new HashSet<int>());

    [Fact]
    public void OwnerName_NamesTheGroupByKind_TheCspAsTheCsp_AnAgencyAsItIs()
    {
        Assert.Equal("Delivery group: Rutland DA Delivery Group", DeliveryGroups.OwnerName("Rutland DA Delivery Group", OrganisationKind.Agency, GroupKind.DeliveryGroup));
        Assert.Equal("Board: Safer Rutland Board", DeliveryGroups.OwnerName("Safer Rutland Board", OrganisationKind.Agency, GroupKind.Board));
        Assert.Equal("The CSP: Rutland CSP", DeliveryGroups.OwnerName("Rutland CSP", OrganisationKind.Csp, null));
        Assert.Equal("Leicestershire Police", DeliveryGroups.OwnerName("Leicestershire Police", OrganisationKind.Agency, null));
    }

    [Theory]
    [InlineData(null, GroupKind.Board, "Name")]
    [InlineData("   ", GroupKind.Board, "Name")]
    [InlineData("Rutland Delivery Group", null, "Group")]
    [InlineData("Rutland Delivery Group", (GroupKind)7, "Group")]
    public void Validate_RefusesAMissingNameOrKind_BesideTheField(string? name, GroupKind? kind, string field)
    {
        var error = Assert.Single(DeliveryGroups.Validate(name, kind));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Validate_RefusesANameOverTheLimit_AndAcceptsAGoodOne()
    {
        Assert.Equal("Name", Assert.Single(DeliveryGroups.Validate(new string('a', DeliveryGroups.NameMaxLength + 1), GroupKind.Board)).Field);
        Assert.Empty(DeliveryGroups.Validate(new string('a', DeliveryGroups.NameMaxLength), GroupKind.Board));
        Assert.Empty(DeliveryGroups.Validate("Rutland Domestic Abuse Delivery Group", GroupKind.DeliveryGroup));
    }

    [Fact]
    public void CheckStandDown_RefusedWhileTheGroupOwnsOpenActions_SayingHowMany()
    {
        Assert.Null(DeliveryGroups.CheckStandDown(0));
        Assert.Contains("owns 1 open action:", DeliveryGroups.CheckStandDown(1)!.Message);
        Assert.Contains("owns 3 open actions:", DeliveryGroups.CheckStandDown(3)!.Message);
    }

    [Fact]
    public void MayKeep_ManagersOfAnOfficeAndAdministrators_NotOfficersContactsOrBoardMembers()
    {
        Assert.True(DeliveryGroupRegister.MayKeep(As(Role.Manager, 1)));
        Assert.True(DeliveryGroupRegister.MayKeep(As(Role.Administrator)));
        Assert.False(DeliveryGroupRegister.MayKeep(As(Role.Manager)));
        Assert.False(DeliveryGroupRegister.MayKeep(As(Role.ReviewOfficer, 1)));
        Assert.False(DeliveryGroupRegister.MayKeep(As(Role.AgencyContact, 1)));
        Assert.False(DeliveryGroupRegister.MayKeep(As(Role.BoardMember, 1)));
    }
}
