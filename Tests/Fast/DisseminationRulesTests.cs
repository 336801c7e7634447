using Domain.Themes;

namespace Portal.Fast.Tests;

public sealed class DisseminationRulesTests
{
    private static readonly DateOnly Notified = new(2026, 3, 2);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static string Fields(DisseminationKind? kind, string? audience, DateOnly? on, int? attendance) =>
        string.Join(",", DisseminationEntry.Validate(kind, audience, on, attendance, Notified, Today).Select(e => e.Field));

    [Fact]
    public void Validate_DateIsTheFact_NotInTheFutureNorBeforeTheNotification()
    {
        Assert.Equal(string.Empty, Fields(DisseminationKind.Briefing, "GPs", Today, 0));
        Assert.Equal(string.Empty, Fields(DisseminationKind.Briefing, "GPs", Notified, null));
        Assert.Equal("HeldOn", Fields(DisseminationKind.Briefing, "GPs", Today.AddDays(1), 3));
        Assert.Equal("HeldOn", Fields(DisseminationKind.Briefing, "GPs", Notified.AddDays(-1), 3));
        Assert.Equal("HeldOn", Fields(DisseminationKind.Briefing, "GPs", null, 3));
    }

    [Fact]
    public void Validate_KindAudienceAndAttendance()
    {
        Assert.Equal("Kind,Audience,Attendance", Fields(null, "  ", Today, -1));
        Assert.Equal("Kind", Fields((DisseminationKind)42, "GPs", Today, 1));
        Assert.Equal("Audience", Fields(DisseminationKind.Seminar, new string('a', DisseminationEntry.AudienceMaxLength + 1), Today, 1));
        Assert.Equal("Attendance", Fields(DisseminationKind.Seminar, "GPs", Today, DisseminationEntry.MaxAttendance + 1));
        Assert.Equal(string.Empty, Fields(DisseminationKind.Seminar, "GPs", Today, DisseminationEntry.MaxAttendance));
    }
}
