using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Workflows.Import;

namespace Portal.Features.Import;

public partial class ImportPage
{
    private IReadOnlyList<string> csps = [];
    private IReadOnlyList<string> agencies = [];
    private ImportReport? report;
    private string? error;
    private bool busy;
    private byte[]? content;
    private string? fileName;

    [Inject]
    private ImportReviewsHandler Handler { get; set; } = null!;

    [Inject]
    private CurrentActor Actors { get; set; } = null!;

    protected override async Task OnInitializedAsync() =>
        (csps, agencies) = await Handler.NamesAsync(await Actors.GetAsync());

    /// Reads the chosen file and lists its problems; nothing is saved.
    private async Task CheckAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        (busy, error, report, content) = (true, null, null, null);
        try
        {
            if (file.Size > TrackerFile.MaxBytes)
            {
                error = $"The file is larger than {TrackerFile.MaxBytes / 1024 / 1024} MB: check it is the tracker.";
                return;
            }

            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(TrackerFile.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            (content, fileName) = (buffer.ToArray(), file.Name);
            await RunAsync(check: true);
        }
        finally
        {
            busy = false;
        }
    }

    /// Imports the file that was checked (read again on the server: a clean check is not trusted).
    private async Task ImportAsync()
    {
        if (content is null || busy)
        {
            return;
        }

        busy = true;
        try
        {
            await RunAsync(check: false);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RunAsync(bool check)
    {
        using var stream = new MemoryStream(content!);
        var actor = await Actors.GetAsync();
        var result = check ? await Handler.CheckAsync(actor, stream, fileName!) : await Handler.ImportAsync(actor, stream, fileName!);
        report = result.IsSuccess ? result.Value : null;
        error = result.Error?.Message;
    }
}
