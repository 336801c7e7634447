using System.Text.RegularExpressions;
using Domain.Audit;
using Domain.Calendar;
using Domain.Documents;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Email;
using Workflows.Process;

namespace Workflows.Audit;

/// The one place that turns audit rows, journal entries and email reasons into the words people read: the audit
/// trail, the review page's history, timeline and notifications, and the audit export all use it. Never a code, an
/// enum's name or an id. Tests check that every action, subject, trigger and email reason has its words here.
public static partial class EntryWords
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.Viewed => "Viewed",
        AuditAction.Created => "Created",
        AuditAction.Changed => "Changed",
        AuditAction.Exported => "Exported",
        AuditAction.Downloaded => "Downloaded",
        AuditAction.Refused => "Refused",
        _ => Spaced(action.ToString()),
    };

    /// What kind of thing an audit row is about, by the subject its handler wrote.
    public static readonly IReadOnlyDictionary<string, string> Subjects = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ActionPlan"] = "Action plan",
        ["ActionPlanTeam"] = "Team that manages a CSP's action plans",
        ["Activity overview"] = "Activity overview (board report)",
        ["AgencyContactRequest"] = "Agency contact's request to join",
        ["AuditTrail"] = "Audit trail",
        ["AuthorAppointment"] = "Chair/author appointment",
        ["AuthorDirectory"] = "Directory of chairs and authors",
        ["AuthorHome"] = "Chair/author's home page",
        ["AuthorProfile"] = "Chair/author profile",
        ["BankHoliday"] = "Bank holidays",
        ["Briefing"] = "Briefing for professionals",
        ["Board actions appendix"] = "Outstanding actions (board report)",
        ["Board report"] = "Board report",
        ["BudgetContribution"] = "Budget contribution",
        ["BudgetCost"] = "Budget cost",
        ["Case update"] = "Case update",
        ["CaseProfile"] = "Case profile",
        ["CommissionerRecommendation"] = "Domestic Abuse Commissioner's recommendation",
        ["CrgAgendaItem"] = "CRG agenda item",
        ["CrgAgendaPapers"] = "CRG meeting papers",
        ["CrgMeeting"] = "CRG meeting",
        ["Dashboard"] = "Dashboard",
        ["DeliveryGroup"] = "Delivery group or board",
        ["DisseminationLog"] = "Where learning was shared",
        ["Document"] = "Document",
        ["Draft"] = "Draft report",
        ["DraftComment"] = "Comment on a draft",
        ["Drafts"] = "Drafts of a review",
        ["Email"] = "Outgoing email",
        ["ExpressionOfInterest"] = "Expression of interest",
        ["FamilyContact"] = "Family contact",
        ["FamilyLog"] = "Family engagement log",
        ["Import"] = "Import of reviews",
        ["InformationRequest"] = "Information request",
        ["LegalChallenge"] = "Legal challenge",
        ["Learning"] = "Learning and themes",
        ["LearningSource"] = "Learning source",
        ["Organisation"] = "Organisation",
        ["Page"] = "Page",
        ["ProfileField"] = "Case profile field",
        ["Panel"] = "Review panel",
        ["PanelAction"] = "Panel action",
        ["PanelMeeting"] = "Panel meeting",
        ["PanelMember"] = "Panel member",
        ["PlanAction"] = "Action plan action",
        ["PooledBudget"] = "Pooled budget",
        ["PublicationLink"] = "Where the report is published",
        ["QaFeedbackPoint"] = "Home Office quality assurance point",
        ["Recommendation"] = "Recommendation",
        ["Review"] = "Review",
        ["Review led elsewhere"] = "Review led elsewhere",
        ["Review themes"] = "Review themes",
        ["ReviewConduct"] = "Findings and conduct of the review",
        ["ReviewRegister"] = "Review register",
        ["Theme"] = "Theme",
        ["User"] = "User account",
        ["WorkItem"] = "Task",
    };

    /// A document's kind as people say it, as in "Information return, version 2".
    public static string Document(DocumentKind kind) => kind switch
    {
        DocumentKind.InformationReturn => "Information return",
        DocumentKind.Draft => "Draft report",
        DocumentKind.ActionEvidence => "Evidence for an action",
        DocumentKind.Submission => "Report sent to the Home Office",
        DocumentKind.CrgPaper => "CRG paper",
        _ => "Document",
    };

    /// A subject written before it was given words here still reads as words, not as one joined-up code.
    public static string Subject(string subject) => Subjects.TryGetValue(subject, out var words) ? words : Spaced(subject);

    /// An audit row's detail in words. The engine records its steps in its own terms ("AppointAuthor: Commissioning ->
    /// PanelAndReport", "deadline: timer 26", "RecordSignedOff at Submitted: ...", "FamilyConsentWithdrawn: True"),
    /// which stay in the database as they were written; they read as words here. User ids are replaced with the names
    /// given (unknown ones with "another person").
    /// Rows written before deadlines were named ("deadline: timer 26") name them from the timers given by id
    /// (DeadlineTimerIds, looked up by the caller); without them they say only that a deadline passed.
    public static string? Detail(string? detail, IReadOnlyDictionary<string, string>? names = null, IReadOnlyDictionary<long, string>? deadlines = null)
    {
        if (detail is null)
        {
            return null;
        }

        var move = EngineMove().Match(detail);
        if (move.Success && Enum.TryParse<Trigger>(move.Groups[1].Value, out var trigger)
            && Enum.TryParse<Stage>(move.Groups[2].Value, out var from) && Enum.TryParse<Stage>(move.Groups[3].Value, out var to))
        {
            return Moved(trigger, from, to);
        }

        var refused = EngineRefusal().Match(detail);
        if (refused.Success && Enum.TryParse<Trigger>(refused.Groups[1].Value, out var tried) && Enum.TryParse<Stage>(refused.Groups[2].Value, out var at))
        {
            return Refused(tried, at, refused.Groups[3].Value);
        }

        if (TimerDeadline().IsMatch(detail))
        {
            var named = DeadlineTimerIds(detail).Select(id => deadlines?.GetValueOrDefault(id)).OfType<string>().ToList();
            return named.Count == 0 ? "A deadline passed" : DeadlinesPassed(named);
        }

        var flag = FlagSet().Match(detail);
        if (flag.Success)
        {
            return $"{Spaced(flag.Groups[1].Value)}: {(flag.Groups[2].Value == "True" ? "yes" : "no")}";
        }

        return UserId().Replace(detail, m => names?.GetValueOrDefault(m.Value) ?? "another person");
    }

    /// The timers an old deadline row names by id ("deadline: timer 26, 27"), for the caller to look up what they were.
    public static IEnumerable<long> DeadlineTimerIds(string? detail) =>
        detail is not null && TimerDeadline().IsMatch(detail)
            ? detail["deadline: timer ".Length..].Split(',', StringSplitOptions.TrimEntries)
                .Select(id => long.TryParse(id, out var n) ? n : (long?)null).OfType<long>()
            : [];

    /// The audit detail of deadlines that passed, each named: "Deadline passed: CRG decision due 12 Nov 2026".
    public static string DeadlinesPassed(IEnumerable<string> deadlines) => $"Deadline passed: {string.Join("; ", deadlines)}";

    /// A clock's deadline by name and date; the QA chase is the date the outcome was expected by.
    public static string ClockDeadline(ClockKind kind, DateOnly due) =>
        kind == ClockKind.QaChase ? $"quality assurance outcome expected by {UkDate.Format(due)}" : $"{ReviewClock.Describe(kind)} {UkDate.Format(due)}";

    /// A task's own due date.
    public static string TaskDeadline(string title, DateOnly due) => $"task \"{title}\" due {UkDate.Format(due)}";

    /// The user ids a detail mentions (older rows named people by id), for the caller to look up their names.
    public static IEnumerable<string> UserIds(string? detail) =>
        detail is null ? [] : UserId().Matches(detail).Select(m => m.Value);

    /// The engine's audit detail for a step recorded.
    public static string Moved(Trigger trigger, Stage from, Stage to) =>
        from == to
            ? $"{TriggerNames.Describe(trigger)} (stage stays \"{StageNames.Describe(to)}\")"
            : $"{TriggerNames.Describe(trigger)}: \"{StageNames.Describe(from)}\" to \"{StageNames.Describe(to)}\"";

    /// The journal's and the audit's words for a step's date corrected (WorkflowEngine.CorrectDateAsync).
    public static string DateCorrected(Trigger trigger, DateOnly from, DateOnly to) =>
        $"The date of \"{TriggerNames.Describe(trigger)}\" is corrected from {Domain.Calendar.UkDate.Format(from)} to {Domain.Calendar.UkDate.Format(to)}.";

    /// The journal's and the audit's words for a step undone (WorkflowEngine.UndoStepAsync).
    public static string StepUndone(Trigger trigger, DateOnly on, Stage backTo) =>
        $"\"{TriggerNames.Describe(trigger)}\" of {Domain.Calendar.UkDate.Format(on)} is undone: the review is back at \"{StageNames.Describe(backTo)}\".";

    /// The engine's audit detail for a step refused.
    public static string Refused(Trigger trigger, Stage at, string reasons) =>
        $"{TriggerNames.Describe(trigger)} at \"{StageNames.Describe(at)}\": {reasons}";

    /// What a journal entry records, for the review's timeline.
    public static string Journal(JournalKind kind, Stage? from, Stage to, Trigger? trigger) => kind switch
    {
        JournalKind.Started => $"Process started at \"{StageNames.Describe(to)}\"",
        JournalKind.Deadline => "A deadline passed",
        JournalKind.AppointmentEnded => "Appointment ended",
        JournalKind.OfficeChanged => "Office changed",
        JournalKind.TaskReassigned => "Task reassigned",
        JournalKind.DateCorrected => "Date of a step corrected",
        JournalKind.StepUndone => "Step undone",
        JournalKind.Recorded when trigger is null => "Recorded",
        _ when trigger is { } t && from is { } f && f != to => $"{TriggerNames.Describe(t)}: \"{StageNames.Describe(f)}\" to \"{StageNames.Describe(to)}\"",
        _ when trigger is { } t => TriggerNames.Describe(t),
        _ => "Recorded",
    };

    /// Why an email was sent, by the reason its sender queued it under.
    public static readonly IReadOnlyDictionary<string, string> EmailReasonWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EmailReasons.Invitation] = "Invitation to the portal",
        [EmailReasons.Reminder] = "Reminder",
        [EmailReasons.OverdueEscalation] = "Overdue: managers",
        [EmailReasons.SecondEscalation] = "Overdue: accountable lead",
        [EmailReasons.DailyDigest] = "Daily summary for managers",
        [Reviews.ClosingWork.StoppedReason] = "Review stopped",
        [Reviews.ClosingWork.ClosedReason] = "Review closed",
        [Reviews.ClosingWork.ReopenedReason] = "Review reopened",
        [Admin.ResetUserAuthenticatorHandler.EmailReason] = "Authenticator app reset",
        [Crg.CrgPapersMail.EmailReason] = "CRG meeting papers",
        [Authors.Commissioning.EmailReason] = "Expression of interest",
        [Authors.AppointAuthorHandler.EmailReason] = "Appointed to a review",
        [Drafts.UploadDraftHandler.EmailReason] = "Draft for comment",
        [Accounts.AskForAgencyContactHandler.EmailReason] = "Agency contact to approve",
        [Accounts.RoleGrants.EmailReason] = "Role to approve",
        [Accounts.DecideAgencyContactRequestHandler.EmailReason] = "Agency contact decided",
        [Requests.RequestMail.EmailReason] = "Information request",
        [Panels.MeetingInvitations.InvitationReason] = "Panel meeting invitation",
        [Panels.MeetingInvitations.CancellationReason] = "Panel meeting cancelled",
        [Panels.MeetingInvitations.ReminderReason] = "Panel meeting reminder",
        [ActionPlans.ActionPlanEmails.UpdateRequest] = "Action plan update due",
        [ActionPlans.ActionPlanEmails.Returned] = "Action plan update returned",
        [ActionPlans.ActionPlanEmails.ImpactReview] = "Action plan impact review",
        [ActionPlans.ActionPlanEmails.WaitingForSignOff] = "Action waiting for sign-off",
        [ActionPlans.ActionPlanEmails.NewOwner] = "Action has a new owner",
    };

    public static string EmailReason(string reason) => EmailReasonWords.TryGetValue(reason, out var words) ? words : Spaced(reason);

    /// "CrgAgendaPapers" as "Crg agenda papers": the last resort, so no joined-up code reaches a page.
    private static string Spaced(string code)
    {
        var spaced = CapitalStart().Replace(code, " $1").Trim();
        return spaced.Length == 0 ? code : char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    [GeneratedRegex(@"^(\w+): (\w+) -> (\w+)$")]
    private static partial Regex EngineMove();

    [GeneratedRegex(@"^(\w+) at (\w+): (.*)$", RegexOptions.Singleline)]
    private static partial Regex EngineRefusal();

    [GeneratedRegex(@"^deadline: timer [\d, ]+$")]
    private static partial Regex TimerDeadline();

    [GeneratedRegex(@"^([A-Z][A-Za-z]+): (True|False)$")]
    private static partial Regex FlagSet();

    [GeneratedRegex(@"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")]
    private static partial Regex UserId();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex CapitalStart();
}
