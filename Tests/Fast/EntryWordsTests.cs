using System.Reflection;
using System.Text.RegularExpressions;
using Domain.Audit;
using Domain.Documents;
using Domain.Reviews;
using Domain.Workflow;
using Workflows.Audit;
using Workflows.Email;

namespace Portal.Fast.Tests;

/// Every audit action and subject, every trigger, stage and journal kind, and every email reason has plain words in
/// EntryWords (issue 16): adding one without its words fails here, before a person sees a code.
public partial class EntryWordsTests
{
    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "portal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir.FullName;
    }

    /// The subjects handlers write: the literal after the actor in audit.Add / RefusedAsync / RefuseUnlessAdministratorAsync,
    /// and the constants they pass there instead (`const string Subject = "..."`, `...Subject`: e.g. ConductAccess.Subject).
    private static readonly string[] Projects = ["Workflows", "Infrastructure", "Portal"];

    private static List<string> SubjectsInTheCode() =>
        Projects
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(Root(), p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => AuditCall().Matches(File.ReadAllText(f)).Concat(SubjectConstant().Matches(File.ReadAllText(f))).Select(m => m.Groups["subject"].Value))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void EverySubjectTheCodeWrites_HasWords()
    {
        var subjects = SubjectsInTheCode();

        Assert.True(subjects.Count > 30, $"Found only {subjects.Count} audit subjects: has the audit call changed shape?");
        Assert.All(subjects, s => Assert.True(EntryWords.Subjects.ContainsKey(s), $"Add \"{s}\" to EntryWords.Subjects"));
        Assert.All(EntryWords.Subjects.Values, PlainWords);
    }

    /// The subjects held in constants (ActionPlanTeams' private Subject read "Action plan team" only through automatic
    /// spacing): every string constant named ...Subject in the handlers' assembly, public or private, has words.
    [Fact]
    public void EverySubjectConstant_HasWords()
    {
        var constants = typeof(EntryWords).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Subject", StringComparison.Ordinal))
                .Select(f => (Where: $"{t.Name}.{f.Name}", Value: (string)f.GetRawConstantValue()!)))
            .ToList();

        Assert.Contains(constants, c => c.Value == "ActionPlanTeam");
        Assert.All(constants, c => Assert.True(EntryWords.Subjects.ContainsKey(c.Value), $"Add \"{c.Value}\" ({c.Where}) to EntryWords.Subjects"));
        Assert.Subset(SubjectsInTheCode().ToHashSet(), constants.Select(c => c.Value).ToHashSet());
    }

    [Fact]
    public void EveryActionTriggerStageAndJournalKind_HasWords()
    {
        Assert.All(Enum.GetValues<AuditAction>(), a => PlainWords(EntryWords.Action(a)));
        // A trigger or stage without its words falls back to its name, which PlainWords refuses when it is joined up.
        Assert.All(Enum.GetValues<Trigger>(), t => PlainWords(TriggerNames.Describe(t)));
        Assert.All(Enum.GetValues<Stage>(), s => PlainWords(StageNames.Describe(s)));
        Assert.All(Enum.GetValues<JournalKind>(), k => PlainWords(EntryWords.Journal(k, Stage.Commissioning, Stage.PanelAndReport, Trigger.AppointAuthor)));
    }

    [Fact]
    public void EveryDocumentKind_HasItsOwnWords()
    {
        // A document download's audit row read "CrgPaper version 1" before; "Document" is the words for Other only.
        var kinds = Enum.GetValues<DocumentKind>().Where(k => k != DocumentKind.Other).ToList();
        Assert.All(kinds, k => PlainWords(EntryWords.Document(k)));
        Assert.All(kinds, k => Assert.NotEqual("Document", EntryWords.Document(k)));
        Assert.Equal(kinds.Count, kinds.Select(EntryWords.Document).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("CRG paper", EntryWords.Document(DocumentKind.CrgPaper));
    }

    [Fact]
    public void EveryEmailReason_HasWords()
    {
        // The reasons senders queue mail under: EmailReasons, and the "...Reason" constants and *Emails classes beside them.
        var reasons = typeof(EmailReasons).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)
                    && (t == typeof(EmailReasons) || t.Name.EndsWith("Emails", StringComparison.Ordinal) || f.Name is "EmailReason" || (f.Name.EndsWith("Reason", StringComparison.Ordinal) && t.Namespace == "Workflows.Panels"))))
            .Select(f => (string)f.GetRawConstantValue()!).Distinct().ToList();

        Assert.True(reasons.Count > 15, $"Found only {reasons.Count} email reasons");
        Assert.All(reasons, r => Assert.True(EntryWords.EmailReasonWords.ContainsKey(r), $"Add the email reason \"{r}\" to EntryWords.EmailReasonWords"));
        Assert.All(EntryWords.EmailReasonWords.Values, PlainWords);
    }

    [Fact]
    public void EngineDetails_ReadAsWords_OldRowsToo()
    {
        Assert.Equal("Appoint the chair/author: \"Commissioning chair/author\" to \"Panel and report writing\"",
            EntryWords.Detail("AppointAuthor: Commissioning -> PanelAndReport"));
        Assert.Equal(EntryWords.Moved(Trigger.AppointAuthor, Stage.Commissioning, Stage.PanelAndReport), EntryWords.Detail("AppointAuthor: Commissioning -> PanelAndReport"));
        Assert.Equal("A deadline passed", EntryWords.Detail("deadline: timer 26, 27"));
        Assert.Equal([26L, 27L], EntryWords.DeadlineTimerIds("deadline: timer 26, 27"));
        Assert.Equal("Deadline passed: CRG decision due 12 Nov 2026; task \"Review the hold\" due 1 Dec 2026",
            EntryWords.Detail("deadline: timer 26, 27", deadlines: new Dictionary<long, string>
            {
                [26] = EntryWords.ClockDeadline(ClockKind.Decision, new DateOnly(2026, 11, 12)),
                [27] = EntryWords.TaskDeadline("Review the hold", new DateOnly(2026, 12, 1)),
            }));
        Assert.Equal("Deadline passed: quality assurance outcome expected by 3 Mar 2027", EntryWords.DeadlinesPassed([EntryWords.ClockDeadline(ClockKind.QaChase, new DateOnly(2027, 3, 3))]));
        Assert.Equal("Record CRG sign-off at \"Submitted to the Home Office\": Not now.", EntryWords.Detail("RecordSignedOff at Submitted: Not now."));

        const string id = "82ce9bdc-1111-2222-3333-444455556666";
        Assert.Equal("Claimed task \"Present the case\", assigned to Olivia Officer",
            EntryWords.Detail($"Claimed task \"Present the case\", assigned to {id}", new Dictionary<string, string> { [id] = "Olivia Officer" }));
        Assert.Equal("assigned to another person", EntryWords.Detail($"assigned to {id}"));
        Assert.Equal([id], EntryWords.UserIds($"assigned to {id}"));
        Assert.Equal("Family consent withdrawn: yes", EntryWords.Detail("FamilyConsentWithdrawn: True"));
        Assert.Equal("audit search", EntryWords.Detail("audit search"));
    }

    [Fact]
    public void AnUnknownCode_StillReadsAsWords() => Assert.Equal("Crg agenda minutes", EntryWords.Subject("CrgAgendaMinutes"));

    /// Words a person reads: no joined-up CamelCase code, no arrow, no id.
    private static void PlainWords(string words)
    {
        Assert.False(string.IsNullOrWhiteSpace(words));
        Assert.DoesNotMatch(@"\b[A-Z][a-z]+[A-Z][a-z]+", words);
        Assert.DoesNotContain("->", words, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}", words);
    }

    [GeneratedRegex(@"(?:audit|Audit)\.(?:Add|RefusedAsync|RefuseUnlessAdministratorAsync)\(\s*\w+,\s*[\w.]+,\s*(?:[\w.]+,\s*)?""(?<subject>[^""]+)""")]
    private static partial Regex AuditCall();

    [GeneratedRegex(@"const\s+string\s+\w*Subject\s*=\s*""(?<subject>[^""]+)""")]
    private static partial Regex SubjectConstant();
}
