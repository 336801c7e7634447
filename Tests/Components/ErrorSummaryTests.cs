using Bunit;
using Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;
using Portal.Components.Shared;

namespace Portal.Components.Tests;

public sealed class ErrorSummaryTests : BunitContext, IAsyncLifetime
{
    public ErrorSummaryTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    private static ServerErrors Showing(Error error)
    {
        var errors = new ServerErrors();
        errors.Show(error);
        return errors;
    }

    [Fact]
    public void NoErrors_RendersNothing()
    {
        var cut = Render<ErrorSummary>(p => p.Add(s => s.Errors, new ServerErrors()).Add(s => s.Id, "summary"));

        Assert.Empty(cut.FindAll("#summary"));
    }

    [Fact]
    public void ErrorsBesideTheirFields_AreNotRepeated_TheRestAreAnnounced()
    {
        var errors = Showing(new ValidationFailed([new Error("Enter the date.", "Date"), new Error("The review was closed meanwhile.")]));

        var cut = Render<ErrorSummary>(p => p.Add(s => s.Errors, errors).Add(s => s.Beside, ["Date"]).Add(s => s.Lead, "Nothing was recorded.").Add(s => s.Id, "summary"));

        var alert = cut.Find("#summary");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains("Nothing was recorded. The review was closed meanwhile.", alert.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the date.", alert.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralMessages_AreListed_UnderTheHeading()
    {
        var errors = Showing(new ValidationFailed([new Error("Enter the date."), new Error("Choose the lead CSP.")]));

        var cut = Render<ErrorSummary>(p => p.Add(s => s.Errors, errors).Add(s => s.Heading, "Correct the following:").Add(s => s.Id, "summary"));

        Assert.Contains("Correct the following:", cut.Find("#summary").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Enter the date.", "Choose the lead CSP."], cut.FindAll("#summary li").Select(li => li.TextContent.Trim()));
    }

    [Fact]
    public void APageMessage_IsShownWithoutErrors()
    {
        var cut = Render<ErrorSummary>(p => p.Add(s => s.Message, "The list could not be loaded.").Add(s => s.Id, "summary"));

        Assert.Equal("The list could not be loaded.", cut.Find("#summary .mud-alert-message").TextContent.Trim());
    }

    [Fact]
    public void AConflict_OffersToLoadTheLatestVersion()
    {
        var reloaded = false;
        var cut = Render<ErrorSummary>(p => p.Add(s => s.Errors, Showing(new Conflict("The review")))
            .Add(s => s.OnReload, EventCallback.Factory.Create(this, () => reloaded = true)).Add(s => s.Id, "summary"));

        cut.Find("#summary-reload").Click();

        Assert.True(reloaded);
    }

    [Fact]
    public void OtherErrors_OfferNoReload()
    {
        var cut = Render<ErrorSummary>(p => p.Add(s => s.Errors, Showing(new Error("Not allowed.")))
            .Add(s => s.OnReload, EventCallback.Factory.Create(this, () => { })).Add(s => s.Id, "summary"));

        Assert.Empty(cut.FindAll("#summary-reload"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
