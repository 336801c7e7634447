using Domain.Access;
using Domain.Calendar;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Process;

namespace Portal.Fast.Tests;

/// Who a task opened by a command belongs to: the person who recorded the step, when they may take it; otherwise
/// nobody (the team queue). Review 7 is led by office 1.
public class TaskAssignmentTests
{
    private static readonly DateTime Noon = London.StartOfDayUtc(new DateOnly(2026, 10, 1)).AddHours(12);

    private static Actor Person(string id, int office, params Role[] roles) =>
        new(id, $"{id}@example.org", roles.ToHashSet(), new HashSet<int> { office }, new HashSet<int>());

    private static WorkItem Open(Actor actor, bool byOwnStep)
    {
        var review = DardrV1Tests.ReviewAt(Stage.PanelAndReport, r => (r.Id, r.LeadOfficeId) = (7, 1));
        var c = CaseChanges.InMemory(review, actor, Noon, BusinessCalendar.EnglandAndWales(), new DeadlineSettings());
        c.TasksGoToActor = byOwnStep;
        var item = c.OpenItem(WorkItemKind.Publish, "Publish the report");
        c.Journal(JournalKind.Transition, Stage.PanelAndReport, Trigger.RecordQaApproved, null, c.Today);
        Assert.Contains("Task opened: Publish the report", c.JournalEntries.Single().Detail, StringComparison.Ordinal);
        return item;
    }

    [Fact]
    public void OpenItem_ByAnOfficersOwnStep_IsTheirs_AndTheJournalSaysSo()
    {
        var officer = Person("olivia", 1, Role.ReviewOfficer);
        var review = DardrV1Tests.ReviewAt(Stage.PanelAndReport, r => (r.Id, r.LeadOfficeId) = (7, 1));
        var c = CaseChanges.InMemory(review, officer, Noon, BusinessCalendar.EnglandAndWales(), new DeadlineSettings());
        c.TasksGoToActor = true;

        var item = c.OpenItem(WorkItemKind.Publish, "Publish the report");
        var entry = c.Journal(JournalKind.Transition, Stage.PanelAndReport, Trigger.RecordQaApproved, null, c.Today);

        Assert.Equal(("olivia", Noon), (item.AssigneeUserId, item.AssignedAtUtc));
        Assert.Equal("Task opened: Publish the report; assigned to the person who recorded this step.", entry.Detail);
    }

    [Theory]
    // A manager without the officer role, an officer of another office, nobody (a deadline passing).
    [InlineData("manager", 1, Role.Manager)]
    [InlineData("kent", 2, Role.ReviewOfficer)]
    [InlineData("", 1)]
    public void OpenItem_ByOneWhoMayNotTakeIt_StaysInTheTeamQueue(string id, int office, params Role[] roles) =>
        Assert.Null(Open(Person(id, office, roles), byOwnStep: true).AssigneeUserId);

    [Fact]
    public void OpenItem_NotByAStep_RegisteringOrImporting_StaysInTheTeamQueue() =>
        Assert.Null(Open(Person("olivia", 1, Role.ReviewOfficer), byOwnStep: false).AssigneeUserId);

    [Fact]
    public void IsOfferedTo_StaffOfTheOfficeWithTheRole_TheAgencysContacts_OrThePersonNamed()
    {
        var officeTask = new WorkItem { Title = "t", OfficeId = 1, CandidateRole = Role.ReviewOfficer };
        var agencyTask = new WorkItem { Title = "t", AgencyId = 4, CandidateRole = Role.AgencyContact };
        var named = new WorkItem { Title = "t", CandidateUserId = "ann" };
        var contact = new Actor("carl", "c@example.org", new HashSet<Role> { Role.AgencyContact }, new HashSet<int>(), new HashSet<int> { 4 });

        Assert.True(officeTask.IsOfferedTo(Person("olivia", 1, Role.ReviewOfficer)));
        Assert.False(officeTask.IsOfferedTo(Person("mo", 1, Role.Manager)));
        Assert.False(officeTask.IsOfferedTo(Person("kent", 2, Role.ReviewOfficer)));
        Assert.True(agencyTask.IsOfferedTo(contact));
        Assert.False(agencyTask.IsOfferedTo(Person("olivia", 1, Role.ReviewOfficer)));
        Assert.True(named.IsOfferedTo(Person("ann", 9)));
        Assert.False(named.IsOfferedTo(Person("bob", 9)));
    }
}
