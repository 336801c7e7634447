namespace Workflows.Email;

/// What administrators read about each email template: a plain-English name and when the email is sent. One entry per
/// template file (Infrastructure/Email/Templates/NAME.txt); a fast test fails when a template has none.
public static class EmailTemplateNames
{
    public sealed record Description(string Name, string WhenSent);

    public static readonly IReadOnlyDictionary<string, Description> All = new Dictionary<string, Description>(StringComparer.Ordinal)
    {
        ["ActionImpactReview"] = new("Action impact review", "A set time after an action is signed off (Actions:ImpactReviewMonths): asks its owner whether the change lasted."),
        ["ActionNewOwner"] = new("Action has a new owner", "When a re-plan moves an action to a new owner: to the new owner's contact (the action's label and the case reference only)."),
        ["ActionReturned"] = new("Action returned", "When an officer returns an action reported as completed: tells its owner why."),
        ["ActionWaitingForSignOff"] = new("Action waiting for sign-off", "When an owner reports an action completed: to those who manage the action plan (the lead office's review officers and the CSP's action plan team), the action's label and the case reference only."),
        ["ActionUpdateRequest"] = new("Action plan update request", "On each update request date (Actions:UpdateRequestDates): asks action owners to update their open actions."),
        ["AgencyContactDecided"] = new("Agency contact approved or refused", "When an administrator approves or refuses an officer's request for an agency contact: tells the officer who asked."),
        ["AgencyContactToApprove"] = new("Agency contact to approve", "When a review officer or manager asks for an agency contact account: to every active administrator, who approves or refuses it."),
        ["Appointed"] = new("Appointed to a review", "When a chair and/or author is appointed to a review: to each person appointed (the case reference and a link only)."),
        ["AuthenticatorReset"] = new("Authenticator app reset", "When an administrator resets a person's authenticator app (a lost phone): to that person."),
        ["ClockReminder"] = new("Review deadline reminder", "Before a review deadline with no task of its own falls due: to the lead office's officers."),
        ["CrgPapersShared"] = new("CRG papers shared", "When an officer shares a CRG meeting's agenda papers: to each CRG member of the office."),
        ["DailyDigest"] = new("Managers' daily digest", "Each working day, to managers who chose it: the overdue and due-soon work of their office."),
        ["DraftForComment"] = new("Draft ready for comments", "When a draft report is shared: asks each panel member to comment by the deadline."),
        ["ExpressionOfInterest"] = new("Expression of interest", "When the office looks for a chair/author: to each independent author asked."),
        ["ReviewClosed"] = new("Review closed", "When a review is closed (after its action plan, or without a review): to its agency contacts with open requests, its panel members and its chair/author (the case reference only)."),
        ["ReviewReopened"] = new("Review reopened", "When a manager reopens a closed or stopped review: to the people its close told (its panel members, whose access comes back, its chair/author, and the agency contacts whose requests it withdrew), by the case reference only."),
        ["ReviewStopped"] = new("Review stopped", "When a review is stopped with the Home Office's agreement: to its agency contacts with open requests, its panel members and its chair/author (the case reference only)."),
        ["RoleGrant"] = new("Role awaiting approval", "When an administrator asks for the data protection officer's or administrator's role for an account, and when a second administrator approves it: to every administrator."),
        ["InformationRequest"] = new("Information request", "When an agency is asked for information (scoping, chronology, IMR), or asked for more."),
        ["Invitation"] = new("Invitation to the portal", "When someone is invited: a one-time link to set a password."),
        ["OverdueEscalation"] = new("Overdue task escalation", "One working day after a task's due date: to the office's managers or the agency's senior manager."),
        ["PanelCancellation"] = new("Panel meeting cancelled", "When a panel meeting is cancelled: to each panel member, with a calendar cancellation."),
        ["PanelInvitation"] = new("Panel meeting invitation", "When the date of a panel meeting is chosen: to each panel member, with a calendar invitation."),
        ["PanelReminder"] = new("Panel meeting reminder", "Panels:ReminderDaysBefore days before a panel meeting: to members who have not declined the date."),
        ["PanelUpdate"] = new("Panel meeting changed", "When a panel meeting's time or place changes: to each panel member, with an updated invitation."),
        ["Reminder"] = new("Task reminder", "Seven days and one working day before a task is due, and on the day: to whoever does it."),
        ["TaskReassigned"] = new("Task reassigned to you", "When a manager reassigns a task: to its new assignee, with the case reference and a link to their work (the manager's note is on the task, not in the email)."),
        ["SecondEscalation"] = new("Second overdue escalation", "Ten working days after the first overdue escalation was sent: to the lead CSP's accountable lead (the lead office's managers if the CSP has none on record)."),
    };

    /// The plain-English name, or the raw key for a template without one (the fast test stops that reaching main).
    public static Description For(string template) =>
        All.TryGetValue(template, out var description) ? description : new Description(template, "Not described yet.");
}
