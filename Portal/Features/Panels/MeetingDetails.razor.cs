using System.Globalization;
using Domain;
using Domain.Calendar;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Panels;
using Workflows.Time;

namespace Portal.Features.Panels;

public partial class MeetingDetails
{
    private HashSet<string> attended = [];
    private string? startsAt;
    private string? location;
    private string? link;
    private string? notes;
    private string? actionText;
    private string? actionOwner;
    private string? actionDue;

    [Parameter, EditorRequired]
    public MeetingView Meeting { get; set; } = default!;

    /// The page's runner: one command at a time on the page, and its errors shown with the page's.
    [Parameter, EditorRequired]
    public CommandRunner Run { get; set; } = default!;

    [Parameter]
    public EventCallback Changed { get; set; }

    [Inject]
    private MoveMeetingHandler Move { get; set; } = default!;

    [Inject]
    private CancelMeetingHandler Cancel { get; set; } = default!;

    [Inject]
    private RecordAttendanceHandler Attendance { get; set; } = default!;

    [Inject]
    private AddMeetingActionHandler AddAction { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    protected override void OnParametersSet()
    {
        startsAt = London.ToLocal(Meeting.StartsAtUtc!.Value).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        location = Meeting.Location;
        link = Meeting.OnlineLink;
        notes = Meeting.Notes;
        attended = [.. Meeting.Attended];
    }

    private void Toggle(string userId, bool value)
    {
        if (value)
        {
            attended.Add(userId);
        }
        else
        {
            attended.Remove(userId);
        }
    }

    private async Task MoveAsync()
    {
        if (!DateTime.TryParseExact(startsAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            Run.Errors.Show(new ValidationFailed([new Error("Enter the date and time in full, e.g. 01/12/2026 10:00.", "StartsAt")]));
            return;
        }

        await Run.RunAsync(actor => Move.HandleAsync(actor, Meeting.Id, Meeting.Version, at, new MeetingPlace(location, link)),
            "Meeting changed: members get the update for their calendars.", () => Changed.InvokeAsync());
    }

    private async Task CancelAsync()
    {
        if (await PanelDialogs.ConfirmCancelAsync(Dialogs))
        {
            await Run.RunAsync(actor => Cancel.HandleAsync(actor, Meeting.Id, Meeting.Version), "Meeting cancelled: members have been told.", () => Changed.InvokeAsync());
        }
    }

    private async Task SaveRecordAsync() =>
        await Run.RunAsync(actor => Attendance.HandleAsync(actor, Meeting.Id, attended, notes), "Attendance and notes saved.", () => Changed.InvokeAsync());

    private async Task AddActionAsync()
    {
        DateOnly? due = DateOnly.TryParseExact(actionDue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (await Run.RunAsync(actor => AddAction.HandleAsync(actor, Meeting.Id, actionText, actionOwner, due), "Action added.", () => Changed.InvokeAsync()))
        {
            actionText = actionOwner = actionDue = null;
        }
    }
}
