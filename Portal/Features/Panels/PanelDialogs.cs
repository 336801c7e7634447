using MudBlazor;

namespace Portal.Features.Panels;

internal static class PanelDialogs
{
    /// Cancelling cannot be undone: members who were invited get a cancellation for their calendars.
    public static async Task<bool> ConfirmCancelAsync(IDialogService dialogs) =>
        await dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "Cancel this meeting?",
            Message = "Members who were invited get a cancellation that removes it from their calendars. This cannot be undone.",
            YesText = "Cancel meeting",
            CancelText = "Keep it",
        }) == true;
}
