using Domain;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Requests;

namespace Portal.Features.Requests;

public partial class RequestPage
{
    private RequestDetails? details;
    private string? refused;
    private readonly ServerErrors errors = new();
    private PickedDocument? picked;
    private string? returnNote;
    private string? moreReason;
    private DateTime? moreDue;
    private bool busy;

    [Parameter]
    public long Id { get; set; }

    [Inject]
    private RequestQueries Queries { get; set; } = null!;

    [Inject]
    private ReturnInformationHandler Return { get; set; } = null!;

    [Inject]
    private DecideReturnHandler Decide { get; set; } = null!;

    [Inject]
    private SendInformationRequestsHandler Send { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        // Audited as a view: once, when interactive (prerendering runs this too).
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Queries.GetAsync(await Actors.GetAsync(), Id);
        refused = result.IsSuccess ? null : result.Error!.Message;
        details = result.IsSuccess ? result.Value : null;
        moreDue ??= Send.DefaultDueDate.ToDateTime(TimeOnly.MinValue);
    }

    private async Task ReturnAsync()
    {
        if (picked is null)
        {
            errors.Show(new Error("Choose the document to upload first.", Workflows.Documents.DocumentFiles.FieldName));
            return;
        }

        await RunAsync(async a => (await Return.HandleAsync(a, new ReturnInformation(Id, picked.Content, picked.FileName, returnNote, details!.Version))).Error,
            "Your return was uploaded. The review office has been told it is ready.");
    }

    private Task AcceptAsync() =>
        RunAsync(async a => (await Decide.AcceptAsync(a, new AcceptReturn(Id, details!.Version))).Error, "The return was accepted.");

    private Task AskForMoreAsync() =>
        RunAsync(async a => (await Decide.AskForMoreAsync(a, new AskForMoreInformation(Id, moreReason,
            moreDue is DateTime d ? DateOnly.FromDateTime(d) : null, details!.Version))).Error,
            "The request was sent back to the agency with your reason.");

    private async Task RunAsync(Func<Domain.Access.Actor, Task<Error?>> action, string done)
    {
        if (busy || details is null)
        {
            return;
        }

        busy = true;
        try
        {
            var error = await action(await Actors.GetAsync());
            errors.Show(error);
            if (error is null)
            {
                Snackbar.Add(done, Severity.Success);
                picked = null;
                returnNote = null;
                moreReason = null;
                await LoadAsync();
            }
            else if (error is Conflict)
            {
                await LoadAsync();
            }
        }
        finally
        {
            busy = false;
        }
    }
}
