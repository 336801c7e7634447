using Domain.Access;

namespace Portal.Fast.Tests;

/// When an open circuit's person counts as changed (CurrentActor gives its pages the new one).
public sealed class ActorTests
{
    private static Actor Contact(params AgencyWork[] work) =>
        new("u1", "contact@police.example.org", new HashSet<Role> { Role.AgencyContact }, new HashSet<int>(), new HashSet<int> { 7 }) { AgencyWork = work };

    [Fact]
    public void SameAccessAs_TheSameAgencyWorkInNewSets_IsTheSame() =>
        Assert.True(Contact(new AgencyWork(7, new HashSet<int> { 1, 2 }, new HashSet<int> { 2 }))
            .SameAccessAs(Contact(new AgencyWork(7, new HashSet<int> { 2, 1 }, new HashSet<int> { 2 }))));

    [Theory]
    [InlineData(new[] { 1 }, new[] { 2 })] // an office stopped working with the agency
    [InlineData(new[] { 1, 2, 3 }, new[] { 2 })] // an office started
    [InlineData(new[] { 1, 2 }, new[] { 1 })] // another office shares with the agency's team instead
    public void SameAccessAs_TheAgencysOfficesChanged_IsNotTheSame(int[] offices, int[] team) =>
        Assert.False(Contact(new AgencyWork(7, new HashSet<int> { 1, 2 }, new HashSet<int> { 2 }))
            .SameAccessAs(Contact(new AgencyWork(7, offices.ToHashSet(), team.ToHashSet()))));
}
