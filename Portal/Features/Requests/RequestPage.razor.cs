using Domain;
using Domain.Access;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Workflows.Requests;

namespace Portal.Features.Requests;

public partial class RequestPage
{
    private RequestDetails? details;
    private string? refused;
    private PickedDocument? picked;
    private string? returnNote;
    private string? moreReason;
    private DateTime? moreDue;

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

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

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
        var result = await Queries.GetAsync(Actor, Id);
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

        await RunAsync(a => Return.HandleAsync(a, new ReturnInformation(Id, picked.Content, picked.FileName, returnNote, details!.Version)),
            "Your return was uploaded. The review office has been told it is ready.");
    }

    private Task AcceptAsync() =>
        RunAsync(a => Decide.AcceptAsync(a, new AcceptReturn(Id, details!.Version)), "The return was accepted.");

    private Task AskForMoreAsync() =>
        RunAsync(a => Decide.AskForMoreAsync(a, new AskForMoreInformation(Id, moreReason,
            moreDue is DateTime d ? DateOnly.FromDateTime(d) : null, details!.Version)),
            "The request was sent back to the agency with your reason.");

    /// After a change by someone else meanwhile the request reloads at once; what was typed stays.
    private async Task RunAsync<T>(Func<Domain.Access.Actor, Task<Result<T>>> command, string done)
    {
        if (details is null)
        {
            return;
        }

        if (await Run.RunAsync(command, done, () =>
            {
                (picked, returnNote, moreReason) = (null, null, null);
                return LoadAsync();
            }))
        {
            return;
        }

        if (errors.IsConflict)
        {
            await LoadAsync();
        }
    }
}
