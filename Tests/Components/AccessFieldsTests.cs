using Bunit;
using Domain;
using Domain.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using Portal.Features.Admin;
using Workflows.Accounts;
using Workflows.Admin;

using Portal.Components.Shared;

namespace Portal.Components.Tests;

public sealed class AccessFieldsTests : IAsyncLifetime
{
    private static readonly AdminChoices Choices = new(
        [new OrganisationChoice(1, "LR Office", true), new OrganisationChoice(2, "Old Office", false)],
        [new OrganisationChoice(3, "Kent Police", true)]);

    private readonly BunitContext _ctx = new();

    public Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.SetRendererInfo(new RendererInfo("Server", true));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private IRenderedComponent<AccessFields> Render(AccessForm form, ServerErrors errors, Role? locked = null)
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<AccessFields>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.Choices, Choices)
            .Add(c => c.Errors, errors)
            .Add(c => c.LockedRole, locked));
    }

    [Fact]
    public void Errors_FromTheHandler_AreShownBesideTheirFields()
    {
        var errors = new ServerErrors();
        errors.Show(new ValidationFailed([
            new Error("Choose at least one role.", nameof(UserAccess.Roles)),
            new Error("Choose the review office.", nameof(UserAccess.OfficeIds)),
        ]));

        var cut = Render(new AccessForm(), errors);

        Assert.Equal("Choose at least one role.", cut.Find("#roles-error").TextContent.Trim());
        Assert.Equal("roles-error", cut.Find("fieldset").GetAttribute("aria-describedby"));
        var offices = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "Review offices");
        Assert.True(offices.Instance.GetState(x => x.Error));
        Assert.Contains("Choose the review office.", offices.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TickingARole_AddsItToTheForm_AndTheOwnAdministratorRoleIsLocked()
    {
        var form = new AccessForm { Roles = [Role.Administrator] };
        var cut = Render(form, new ServerErrors(), locked: Role.Administrator);

        var boxes = cut.FindComponents<MudCheckBox<bool>>();
        var manager = boxes.Single(b => b.Instance.Label == Roles.Describe(Role.Manager));
        manager.Find("input").Change(true);

        Assert.Contains(Role.Manager, form.Roles);
        Assert.True(boxes.Single(b => b.Instance.Label == Roles.Describe(Role.Administrator)).Instance.Disabled);
        Assert.Contains("You cannot remove your own Administrator role", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void InactiveOffices_AreOfferedOnlyWhenAlreadyHeld()
    {
        var cut = Render(new AccessForm { OfficeIds = [2] }, new ServerErrors());

        var offices = cut.FindComponents<MudSelect<int>>().Single(s => s.Instance.Label == "Review offices");
        Assert.Contains("Old Office (inactive)", offices.Instance.GetState(x => x.Text), StringComparison.Ordinal);
    }
}
