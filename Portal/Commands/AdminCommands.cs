using Domain;
using Domain.Access;
using Domain.Calendar;
using Workflows.Admin;

namespace Portal.Commands;

/// `admin create EMAIL [NAME]`: the first administrator, on a portal that has none. Prints the invitation link unless
/// it was emailed; refused (exit code 1) where administrators exist.
internal sealed class AdminCreateCommand : IPortalCommand
{
    public string Name => "admin create";

    public string Arguments => "EMAIL [NAME]";

    public string Summary => "creates the first administrator and invites them (link emailed, or printed)";

    public bool MigratesFirst => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(1, 2, $"{Name} {Arguments}   e.g. {Name} you@council.gov.uk \"Sam Patel\""))
        {
            return ExitCodes.Usage;
        }

        var result = await context.Get<CreateFirstAdministratorHandler>().HandleAsync(context.Actor,
            new CreateFirstAdministrator(context.Arguments[0], context.Arguments.ElementAtOrDefault(1)), context.Cancellation);
        if (!result.IsSuccess)
        {
            return context.Refused(AdminCommandText.Describe(result.Error!));
        }

        var admin = result.Value;
        var until = AdminCommandText.Time(admin.ExpiresAtUtc);
        if (admin.Emailed)
        {
            await context.Output.WriteLineAsync($"Created the administrator {admin.Email} and emailed them an invitation to set a password (the link works once, until {until}).");
            return ExitCodes.Done;
        }

        if (admin.EmailError is not null)
        {
            await context.Error.WriteLineAsync($"The invitation email could not be sent now ({admin.EmailError}); the portal keeps trying once it runs. Meanwhile here is the link.");
        }

        await context.Output.WriteLineAsync($"Created the administrator {admin.Email}. Their invitation link works once, until {until}:");
        await context.Output.WriteLineAsync(admin.Link);
        await context.Output.WriteLineAsync("Give it to them privately: whoever opens it first sets the password.");
        return ExitCodes.Done;
    }
}

/// `admin list`: every administrator, one a line, tab-separated: email, name, status, two-factor.
internal sealed class AdminListCommand : IPortalCommand
{
    public string Name => "admin list";

    public string Arguments => string.Empty;

    public string Summary => "lists the administrators (email, name, status, two-factor), tab-separated";

    public bool MigratesFirst => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(0, 0, Name))
        {
            return ExitCodes.Usage;
        }

        var result = await context.Get<ListAdministratorsHandler>().HandleAsync(context.Actor, context.Cancellation);
        if (!result.IsSuccess)
        {
            return context.Refused(AdminCommandText.Describe(result.Error!));
        }

        if (result.Value.Count == 0)
        {
            await context.Error.WriteLineAsync("There are no administrators: create the first with: admin create EMAIL");
        }

        foreach (var a in result.Value)
        {
            var status = a switch
            {
                { Disabled: true } => "disabled",
                { LockedOutUntilUtc: { } until } => "locked out until " + AdminCommandText.Time(until),
                { Invited: true } => "invited",
                _ => "active",
            };
            await context.Output.WriteLineAsync(string.Join('\t', a.Email, a.DisplayName, status, a.TwoFactor ? "two-factor on" : "two-factor off"));
        }

        return ExitCodes.Done;
    }
}

/// `admin enable EMAIL`: a disabled or locked-out administrator can sign in again.
internal sealed class AdminEnableCommand : IPortalCommand
{
    public string Name => "admin enable";

    public string Arguments => "EMAIL";

    public string Summary => "re-enables a disabled or locked-out administrator";

    public bool MigratesFirst => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(1, 1, $"{Name} {Arguments}"))
        {
            return ExitCodes.Usage;
        }

        var result = await context.Get<EnableAdministratorHandler>().HandleAsync(context.Actor, context.Arguments[0], context.Cancellation);
        if (!result.IsSuccess)
        {
            return context.Refused(AdminCommandText.Describe(result.Error!));
        }

        var enabled = result.Value;
        await context.Output.WriteLineAsync((enabled.WasDisabled, enabled.WasLockedOut) switch
        {
            (false, false) => $"{enabled.Email} was neither disabled nor locked out: they can sign in.",
            (true, true) => $"{enabled.Email} is enabled and unlocked: they can sign in again.",
            (true, false) => $"{enabled.Email} is enabled: they can sign in again.",
            (false, true) => $"{enabled.Email} is unlocked: they can sign in again.",
        });
        return ExitCodes.Done;
    }
}

/// `admin approve EMAIL`: grants the roles asked for on that account that need a second administrator (data protection
/// officer, administrator), where the portal has a single administrator who can sign in; otherwise another
/// administrator approves them under Users. Audited, and every administrator is emailed, as in the portal.
internal sealed class AdminApproveCommand : IPortalCommand
{
    public string Name => "admin approve";

    public string Arguments => "EMAIL";

    public string Summary => "grants the roles awaiting a second administrator on an account (single-administrator portals)";

    public bool MigratesFirst => true;

    public async Task<int> RunAsync(CommandContext context)
    {
        if (!context.TryArguments(1, 1, $"{Name} {Arguments}"))
        {
            return ExitCodes.Usage;
        }

        var pending = await context.Get<ListRoleGrantsQuery>().HandleAsync(context.Actor, context.Arguments[0], context.Cancellation);
        if (!pending.IsSuccess)
        {
            return context.Refused(AdminCommandText.Describe(pending.Error!));
        }

        if (pending.Value.Count == 0)
        {
            return context.Refused($"No role awaits approval on the account {context.Arguments[0]}: an administrator asks for it first, under Users.");
        }

        foreach (var grant in pending.Value)
        {
            var decided = await context.Get<DecideRoleGrantHandler>().HandleAsync(context.Actor, grant.Id, approve: true, context.Cancellation);
            if (!decided.IsSuccess)
            {
                return context.Refused(AdminCommandText.Describe(decided.Error!));
            }

            await context.Output.WriteLineAsync($"Granted {Roles.Describe(grant.Role)} to {grant.Email}; every administrator is told by email.");
        }

        return ExitCodes.Done;
    }
}

internal static class AdminCommandText
{
    /// An expected failure as one message: a validation failure lists each problem.
    public static string Describe(Error error) => error is ValidationFailed failed
        ? string.Join(Environment.NewLine, failed.Errors.Select(e => e.Message))
        : error.Message;

    public static string Time(DateTime utc) =>
        UkDate.FormatWithTime(utc) + " UK time";
}
