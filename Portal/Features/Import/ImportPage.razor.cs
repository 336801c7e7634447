using Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Components.Shared;
using Workflows.Import;

namespace Portal.Features.Import;

public partial class ImportPage
{
    private IReadOnlyList<string> csps = [];
    private IReadOnlyList<string> agencies = [];
    private ImportReport? report;
    private string? error;
    private bool reading;
    private byte[]? content;
    private string? fileName;

    [Inject]
    private ImportReviewsHandler Handler { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private bool Busy => reading || Run.Busy;

    protected override async Task OnInitializedAsync() =>
        (csps, agencies) = await Handler.NamesAsync(Actor);

    /// Reads the chosen file and lists its problems; nothing is saved.
    private async Task CheckAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        (reading, error, report, content) = (true, null, null, null);
        Run.Errors.Clear();
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
        }
        finally
        {
            reading = false;
        }

        await RunAsync(check: true);
    }

    /// Imports the file that was checked (read again on the server: a clean check is not trusted).
    private async Task ImportAsync()
    {
        if (content is not null)
        {
            await RunAsync(check: false);
        }
    }

    private async Task RunAsync(bool check)
    {
        var ran = await Run.RunAsync(
            async actor =>
            {
                using var stream = new MemoryStream(content!);
                return check ? await Handler.CheckAsync(actor, stream, fileName!) : await Handler.ImportAsync(actor, stream, fileName!);
            },
            _ => null,
            done =>
            {
                report = done;
                return Task.CompletedTask;
            });
        if (!ran && Run.Errors.Any)
        {
            report = null;
        }
    }
}
