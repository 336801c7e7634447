using System.Globalization;
using System.Text.RegularExpressions;
using Domain.Access;
using Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;
using Workflows.Accounts;
using Workflows.Admin;
using Workflows.Data;

namespace Portal.Integration.Tests;

/// Issue 17: the first administrator of a real deployment (no demo data), made with the portal's own command, run as
/// its own process as an IT team would run it; and the rest of the `admin` family. Exit codes and messages are what a
/// script relies on.
public sealed partial class AdminCommandTests : IDisposable
{
    private const string Password = "First-Admin-Password-2026!";

    private readonly string _dataPath = Directory.CreateTempSubdirectory("portal-admin-").FullName;

    private Dictionary<string, string> Settings => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:DataPath"] = _dataPath,
        ["Seed:DemoData"] = "false",
    };

    public void Dispose() => Directory.Delete(_dataPath, recursive: true);

    [Fact]
    public async Task AdminCreate_OnAnEmptyDatabase_PrintsAnInvitationLinkThatSetsThePassword_AndASecondIsRefused()
    {
        var created = await PortalProcess.RunAsync(Settings, "admin", "create", "first@council.example.org", "Sam Patel");

        Assert.True(created.ExitCode == 0, created.ToString());
        var link = InvitationLink().Match(created.Output);
        Assert.True(link.Success, created.ToString());
        Assert.Contains("works once", created.Output, StringComparison.Ordinal);

        var refused = await PortalProcess.RunAsync(Settings, "admin", "create", "second@council.example.org");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("already has an administrator (first@council.example.org)", refused.Error, StringComparison.Ordinal);
        Assert.Contains("admin enable EMAIL", refused.Error, StringComparison.Ordinal);
        Assert.Empty(refused.Output);

        await using var portal = new PortalFactory(demoData: false, dataPath: _dataPath);
        var accepted = await portal.Get<AcceptInvitationHandler>().AcceptAsync(link.Groups["token"].Value, Password);
        Assert.True(accepted.IsSuccess, accepted.Error?.Message);
        var admin = await portal.ActorAsync("first@council.example.org");
        Assert.True(admin.Is(Role.Administrator));
        Assert.False(await portal.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "second@council.example.org")));
        // Printed, not emailed: no copy of the link waits in the outbox (or the pickup folder) of a portal without SMTP.
        Assert.False(await portal.WithDbAsync(db => db.OutboxMessages.AnyAsync()));

        var audit = await portal.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail!.StartsWith("command line:"))
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.UserEmail, a.SubjectId }).ToListAsync());
        Assert.Collection(audit,
            a => Assert.Equal((AuditAction.Created, admin.UserId), (a.Action, a.SubjectId)),
            a => Assert.Equal(AuditAction.Refused, a.Action));
        Assert.StartsWith("command line: admin create (", audit[0].UserEmail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminCreate_WithSmtp_EmailsTheInvitation_AndPrintsNoLink()
    {
        using var mail = new MailDev();
        const string email = "emailed-admin@council.example.org";
        await mail.ClearAsync(email);
        var settings = Settings;
        settings["Email:Transport"] = "Smtp";
        settings["Email:Smtp:Host"] = "127.0.0.1";
        settings["Email:Smtp:Port"] = mail.SmtpPort.ToString(CultureInfo.InvariantCulture);
        settings["Email:Smtp:TlsMode"] = "None";

        var created = await PortalProcess.RunAsync(settings, "admin", "create", email);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Contains($"emailed them an invitation", created.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(InvitationLink(), created.Output);
        var message = Assert.Single(await mail.WaitForAsync(email));
        var token = InvitationLink().Match(message.Text!).Groups["token"].Value;
        await using var portal = new PortalFactory(demoData: false, dataPath: _dataPath);
        Assert.True((await portal.Get<AcceptInvitationHandler>().CheckAsync(token)).IsSuccess);
    }

    [Fact]
    public async Task AdminListAndEnable_ShowAndReenableADisabledLockedOutAdministrator_OnlyAdministrators()
    {
        Assert.Equal(0, (await PortalProcess.RunAsync(Settings, "admin", "create", "locked@council.example.org", "Lee Locked")).ExitCode);
        await using (var portal = new PortalFactory(demoData: false, dataPath: _dataPath))
        {
            await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "locked@council.example.org").ExecuteUpdateAsync(s => s
                .SetProperty(u => u.IsDisabled, true).SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)).SetProperty(u => u.AccessFailedCount, 5)));
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var member = new PortalUser { UserName = "board@council.example.org", Email = "board@council.example.org", DisplayName = "Bo Board" };
            Assert.True((await users.CreateAsync(member)).Succeeded);
            Assert.True((await users.AddToRoleAsync(member, nameof(Role.BoardMember))).Succeeded);
        }

        var list = await PortalProcess.RunAsync(Settings, "admin", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(
            ["locked@council.example.org\tLee Locked\tdisabled\ttwo-factor off"],
            list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var enabled = await PortalProcess.RunAsync(Settings, "admin", "enable", "LOCKED@council.example.org");
        Assert.True(enabled.ExitCode == 0, enabled.ToString());
        Assert.Equal("locked@council.example.org is enabled and unlocked: they can sign in again.", enabled.Output.Trim());
        var board = await PortalProcess.RunAsync(Settings, "admin", "enable", "board@council.example.org");
        Assert.True(board.ExitCode == 1, board.ToString());
        Assert.Contains("is not an administrator", board.Error, StringComparison.Ordinal);
        var usage = await PortalProcess.RunAsync(Settings, "admin", "enable");
        Assert.True(usage.ExitCode == 2, usage.ToString());
        var unknown = await PortalProcess.RunAsync(Settings, "admin", "promote", "x@example.org");
        Assert.True(unknown.ExitCode == 2, unknown.ToString());
        Assert.Contains("admin create EMAIL [NAME]", unknown.Error, StringComparison.Ordinal);

        await using var after = new PortalFactory(demoData: false, dataPath: _dataPath);
        var user = await after.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "locked@council.example.org"));
        Assert.False(user.IsDisabled);
        Assert.Null(user.LockoutEnd);
        Assert.Equal(0, user.AccessFailedCount);
        var audited = await after.WithDbAsync(db => db.AuditEvents.Where(a => a.UserEmail!.StartsWith("command line:"))
            .OrderBy(a => a.Id).Select(a => a.Action + " " + a.Detail).ToListAsync());
        Assert.Equal(["Created Created account: display name, email, invitation, roles. Roles: Administrator.", "Viewed Listed the administrators (1)",
            "Changed Enabled and unlocked", "Refused enable an account that is not an administrator's"], audited);
    }

    [Fact]
    public async Task AdminApprove_GrantsARoleAwaitingApproval_WhereTheOnlyAdministratorAskedForIt_AndIsRefusedWhereASecondCanApprove()
    {
        var created = await PortalProcess.RunAsync(Settings, "admin", "create", "only@council.example.org", "Olu Only");
        Assert.True(created.ExitCode == 0, created.ToString());
        string dpoId;
        await using (var portal = new PortalFactory(demoData: false, dataPath: _dataPath))
        {
            var accepted = await portal.Get<AcceptInvitationHandler>().AcceptAsync(InvitationLink().Match(created.Output).Groups["token"].Value, Password);
            Assert.True(accepted.IsSuccess, accepted.Error?.Message);
            var only = await portal.ActorAsync("only@council.example.org");
            var dpo = await portal.Get<CreateUserHandler>().HandleAsync(only,
                new NewUser("Dee Pee", "dpo@council.example.org", null, new UserAccess([Role.DataProtectionOfficer], [], [])));
            Assert.True(dpo.IsSuccess, dpo.Error?.Message);
            dpoId = dpo.Value.Id;
            Assert.Empty((await portal.ActorAsync("dpo@council.example.org")).Roles);
        }

        var approved = await PortalProcess.RunAsync(Settings, "admin", "approve", "DPO@council.example.org");
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Contains("Granted Data protection officer to dpo@council.example.org", approved.Output, StringComparison.Ordinal);
        var nothing = await PortalProcess.RunAsync(Settings, "admin", "approve", "dpo@council.example.org");
        Assert.True(nothing.ExitCode == 1 && nothing.Error.Contains("No role awaits approval", StringComparison.Ordinal), nothing.ToString());

        await using (var portal = new PortalFactory(demoData: false, dataPath: _dataPath))
        {
            Assert.Equal([Role.DataProtectionOfficer], (await portal.ActorAsync("dpo@council.example.org")).Roles);
            Assert.True(await portal.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.SubjectId == dpoId && a.UserEmail!.StartsWith("command line: admin approve")
                && a.Detail!.StartsWith("Role Data protection officer granted"))));
            // A second administrator who can sign in: approvals are theirs to give, in the portal.
            var only = await portal.ActorAsync("only@council.example.org");
            await using var scope = portal.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var second = new PortalUser { UserName = "second@council.example.org", Email = "second@council.example.org", DisplayName = "Sam Second" };
            Assert.True((await users.CreateAsync(second, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(second, nameof(Role.Administrator))).Succeeded);
            Assert.True((await portal.Get<CreateUserHandler>().HandleAsync(only,
                new NewUser("Ada Admin", "third@council.example.org", null, new UserAccess([Role.Administrator], [], [])))).IsSuccess);
        }

        var refused = await PortalProcess.RunAsync(Settings, "admin", "approve", "third@council.example.org");
        Assert.True(refused.ExitCode == 1 && refused.Error.Contains("approves it under Users", StringComparison.Ordinal), refused.ToString());
        await using var after = new PortalFactory(demoData: false, dataPath: _dataPath);
        Assert.Empty((await after.ActorAsync("third@council.example.org")).Roles);
    }

    [GeneratedRegex(@"http://\S+/Account/AcceptInvitation\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex InvitationLink();
}
