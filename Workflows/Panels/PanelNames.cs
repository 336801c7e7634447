using Domain.Panels;

namespace Workflows.Panels;

public static class PanelNames
{
    public static string Describe(PanelRole role) => role switch
    {
        PanelRole.AgencyRepresentative => "Agency representative",
        PanelRole.Specialist => "Specialist",
        PanelRole.Chair => "Chair",
        _ => role.ToString(),
    };

    public static string Describe(Availability availability) => availability switch
    {
        Availability.Available => "Available",
        Availability.IfNeedBe => "If need be",
        Availability.NotAvailable => "Not available",
        _ => availability.ToString(),
    };

    public static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Polling => "Choosing a date",
        MeetingStatus.Scheduled => "Scheduled",
        MeetingStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };
}
