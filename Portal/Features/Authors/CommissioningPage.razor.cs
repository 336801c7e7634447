using Domain;
using Domain.Access;
using Domain.Authors;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Authors;
using Workflows.Time;

namespace Portal.Features.Authors;

public partial class CommissioningPage
{
    private static readonly string[] AppointFields =
    [
        nameof(AppointRequest.ChairUserId), nameof(AppointRequest.ChairFee), nameof(AppointRequest.AuthorUserId), nameof(AppointRequest.AuthorFee),
        nameof(AppointRequest.AppointedOn), "Reason", "EndedOn",
    ];

    private readonly AppointModel appoint = new();
    private string idempotencyKey = Guid.NewGuid().ToString();
    private CommissioningView? view;
    private IReadOnlyList<AuthorChoice> choices = [];
    private AppointmentRow? ending;
    private string? endReason;
    private DateTime? endedOn;
    private string? refused;
    private string? message;
    private long? chosenEoiId; // the expression of interest whose reply filled the form, if one did
    private string? filledFrom;
    private ElementReference appointHeading;
    private bool focusForm;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    private CommissioningQuery Query { get; set; } = null!;

    [Inject]
    private AuthorChoicesQuery Choices { get; set; } = null!;

    [Inject]
    private AppointAuthorHandler Appointer { get; set; } = null!;

    [Inject]
    private EndAppointmentHandler Ender { get; set; } = null!;

    [CascadingParameter]
    private Actor Actor { get; set; } = null!;

    [Inject]
    private CommandRunner Run { get; set; } = null!;

    private ServerErrors errors => Run.Errors;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private BusinessClock Clock { get; set; } = null!;

    private DateTime Today => Clock.Today.ToDateTime(TimeOnly.MinValue);

    /// Those who said they are interested in the latest expression of interest first, then the rest of the directory.
    private IEnumerable<AuthorChoice> Candidates
    {
        get
        {
            var interested = (view?.Eois.Count > 0 ? view.Eois[0].Replies : null)?.Where(r => r.Interested == true).Select(r => r.UserId).ToHashSet() ?? [];
            return choices.OrderBy(c => interested.Contains(c.UserId) ? 0 : 1).ThenBy(c => c.Name);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        var result = await Query.HandleAsync(Actor, Id);
        if (!result.IsSuccess)
        {
            refused = result.Error!.Message + " This attempt has been recorded.";
            return;
        }

        view = result.Value;
        appoint.AppointedOn ??= Today;
        if (view.CanChange)
        {
            var found = await Choices.HandleAsync(Actor);
            choices = found.IsSuccess ? found.Value : [];
        }
    }

    private bool MayAppoint => view is { CanChange: true, MayCommission: true } && view.Appointments.All(a => a.EndedOn is not null);

    /// The chosen reply fills the form: its author as chair and author, their quote as the fee; the officer checks it.
    private void FillFrom(EoiSummary eoi, EoiReplyRow reply)
    {
        appoint.SamePerson = true;
        appoint.ChairUserId = reply.UserId;
        appoint.ChairFee = reply.QuotePence is { } quote ? Money.ForInput(quote) : null;
        appoint.AuthorUserId = null;
        appoint.AuthorFee = null;
        chosenEoiId = eoi.Id;
        filledFrom = reply.Name;
        errors.Clear();
        focusForm = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Keyboard and screen reader users go on to the form the reply filled.
        if (focusForm)
        {
            focusForm = false;
            await appointHeading.FocusAsync();
        }
    }

    private string NameOf(string? userId) => choices.FirstOrDefault(c => c.UserId == userId)?.Name ?? string.Empty;

    private static string StatusText(EoiStatus status) => status switch
    {
        EoiStatus.Open => "open",
        EoiStatus.Appointed => "appointed",
        _ => "closed",
    };

    private async Task AppointAsync()
    {
        message = null;
        var shown = view!;
        var request = new AppointRequest(Id, chosenEoiId ?? (shown.Eois.Count > 0 ? shown.Eois[0].Id : null), appoint.ChairUserId, appoint.SamePerson,
            appoint.AuthorUserId, appoint.ChairFee, appoint.AuthorFee, shown.Version, DateOf(appoint.AppointedOn));
        await Run.RunAsync(actor => Appointer.HandleAsync(actor, request, idempotencyKey), then: () =>
        {
            idempotencyKey = Guid.NewGuid().ToString();
            message = "Appointed. They are told by email and can now open the review.";
            filledFrom = null;
            return LoadAsync();
        });
    }

    private void StartEnding(AppointmentRow row)
    {
        ending = row;
        endReason = null;
        endedOn = Today;
        errors.Clear();
    }

    private async Task EndAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("End this appointment?",
            $"{ending!.Name} loses access to the case at once. This cannot be undone: to work with them again, appoint them again.",
            yesText: "End appointment", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await Run.RunAsync(actor => Ender.HandleAsync(actor, ending.Id, endReason, view!.Version, DateOf(endedOn)), then: () =>
        {
            message = $"The appointment of {ending.Name} has ended and their access is removed. You can now reopen the expression of interest.";
            ending = null;
            return LoadAsync();
        });
    }

    private static DateOnly? DateOf(DateTime? picked) => picked is { } d ? DateOnly.FromDateTime(d) : null;

    private sealed class AppointModel
    {
        public DateTime? AppointedOn { get; set; }

        public bool SamePerson { get; set; } = true;

        public string? ChairUserId { get; set; }

        public string? AuthorUserId { get; set; }

        public string? ChairFee { get; set; }

        public string? AuthorFee { get; set; }
    }
}
