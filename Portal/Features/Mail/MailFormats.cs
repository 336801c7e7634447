using Domain.Calendar;
using Domain.Email;
using MudBlazor;
using Portal.Components.Shared;
using Workflows.Email;

namespace Portal.Features.Mail;

public static class MailFormats
{
    public static string Describe(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Waiting",
        OutboxStatus.Sending => "Sending",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed, will retry",
        OutboxStatus.Cancelled => "Cancelled, not sent",
        _ => status.ToString(),
    };

    public static Color Colour(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        _ => Color.Default,
    };

    public static string When(OutboxRow row) => row.SentAtUtc is { } sent
        ? "Sent " + UkDate.FormatWithTime(sent)
        : "Next " + UkDate.FormatWithTime(row.NextAttemptUtc);
}
