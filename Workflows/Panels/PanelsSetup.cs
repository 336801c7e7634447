using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Panels;

public static class PanelsSetup
{
    /// Panel membership, meetings (poll, schedule, calendar emails), records and reminders (issue 5).
    public static IServiceCollection AddPanels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PanelOptions(configuration.GetValue("Panels:ReminderDaysBefore", 2)));
        services.AddSingleton<MeetingInvitations>();
        services.AddSingleton<PanelQuery>();
        services.AddSingleton<MeetingQuery>();
        services.AddSingleton<MyPanelsQuery>();
        services.AddSingleton<PanelCandidatesQuery>();
        services.AddSingleton<AddPanelMemberHandler>();
        services.AddSingleton<RemovePanelMemberHandler>();
        services.AddSingleton<ProposeMeetingHandler>();
        services.AddSingleton<RespondToPollHandler>();
        services.AddSingleton<MeetingChanges>();
        services.AddSingleton<ScheduleMeetingHandler>();
        services.AddSingleton<MoveMeetingHandler>();
        services.AddSingleton<CancelMeetingHandler>();
        services.AddSingleton<RecordAttendanceHandler>();
        services.AddSingleton<AddMeetingActionHandler>();
        services.AddSingleton<PanelReminderScan>();
        return services;
    }
}
