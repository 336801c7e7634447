using Domain.Access;
using Domain.Accounts;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Authors;
using Domain.Budget;
using Domain.Calendar;
using Domain.Commissioner;
using Domain.Documents;
using Domain.Drafts;
using Domain.Crg;
using Domain.Email;
using Domain.Family;
using Domain.Organisations;
using Domain.Panels;
using Domain.Conduct;
using Domain.Profiles;
using Domain.Requests;
using Domain.Reviews;
using Domain.Submissions;
using Domain.Themes;
using Domain.Workflow;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workflows.Data;

namespace Infrastructure.Data;

/// The one EF context. Each provider has a subclass of its own so that each keeps its own migrations.
public abstract class ReviewDb(DbContextOptions options) : IdentityDbContext<PortalUser>(options), IReviewDb, IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewCsp> ReviewCsps => Set<ReviewCsp>();

    public DbSet<ReviewParticipant> ReviewParticipants => Set<ReviewParticipant>();

    public DbSet<RestrictedDetails> RestrictedDetails => Set<RestrictedDetails>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ActionPlanTeam> ActionPlanTeams => Set<ActionPlanTeam>();

    public DbSet<ActionPlanTeamMember> ActionPlanTeamMembers => Set<ActionPlanTeamMember>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<ReviewClock> ReviewClocks => Set<ReviewClock>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<RoleGrantRequest> RoleGrantRequests => Set<RoleGrantRequest>();

    public DbSet<AgencyContactRequest> AgencyContactRequests => Set<AgencyContactRequest>();

    public DbSet<AgencyOffice> AgencyOffices => Set<AgencyOffice>();

    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationTheme> RecommendationThemes => Set<RecommendationTheme>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();

    public DbSet<ActionChange> ActionChanges => Set<ActionChange>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<Draft> Drafts => Set<Draft>();

    public DbSet<DraftComment> DraftComments => Set<DraftComment>();

    public DbSet<DraftInvitation> DraftInvitations => Set<DraftInvitation>();

    public DbSet<FamilyEngagement> FamilyEngagements => Set<FamilyEngagement>();

    public DbSet<FamilyContact> FamilyContacts => Set<FamilyContact>();
    public DbSet<PanelSeat> PanelSeats => Set<PanelSeat>();

    public DbSet<PanelMeeting> PanelMeetings => Set<PanelMeeting>();

    public DbSet<MeetingOption> MeetingOptions => Set<MeetingOption>();

    public DbSet<MeetingResponse> MeetingResponses => Set<MeetingResponse>();

    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();

    public DbSet<MeetingAction> MeetingActions => Set<MeetingAction>();
    public DbSet<CrgMeeting> CrgMeetings => Set<CrgMeeting>();

    public DbSet<CrgAgendaItem> CrgAgendaItems => Set<CrgAgendaItem>();

    public DbSet<CrgAmendment> CrgAmendments => Set<CrgAmendment>();

    public DbSet<HomeOfficeSubmission> HomeOfficeSubmissions => Set<HomeOfficeSubmission>();

    public DbSet<PublicationLink> PublicationLinks => Set<PublicationLink>();

    public DbSet<QaFeedbackPoint> QaFeedbackPoints => Set<QaFeedbackPoint>();
    public DbSet<PooledBudget> PooledBudgets => Set<PooledBudget>();

    public DbSet<BudgetContribution> BudgetContributions => Set<BudgetContribution>();

    public DbSet<BudgetCost> BudgetCosts => Set<BudgetCost>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<AuthorProfile> AuthorProfiles => Set<AuthorProfile>();

    public DbSet<AuthorAppointment> AuthorAppointments => Set<AuthorAppointment>();

    public DbSet<ExpressionOfInterest> ExpressionsOfInterest => Set<ExpressionOfInterest>();

    public DbSet<EoiRecipient> EoiRecipients => Set<EoiRecipient>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<ReviewTheme> ReviewThemes => Set<ReviewTheme>();

    public DbSet<CaseUpdate> CaseUpdates => Set<CaseUpdate>();

    public DbSet<DisseminationEntry> DisseminationEntries => Set<DisseminationEntry>();

    public DbSet<ReviewBriefing> ReviewBriefings => Set<ReviewBriefing>();

    public DbSet<CommissionerRecommendation> CommissionerRecommendations => Set<CommissionerRecommendation>();

    public DbSet<LearningSource> LearningSources => Set<LearningSource>();

    public DbSet<ReviewLedElsewhere> ReviewsLedElsewhere => Set<ReviewLedElsewhere>();

    public DbSet<ElsewhereUpdate> ElsewhereUpdates => Set<ElsewhereUpdate>();

    public DbSet<LegalChallenge> LegalChallenges => Set<LegalChallenge>();

    public DbSet<ProfileField> ProfileFields => Set<ProfileField>();

    public DbSet<ProfileValue> ProfileValues => Set<ProfileValue>();

    public DbSet<ReviewFindings> ReviewFindings => Set<ReviewFindings>();

    public DbSet<TermsOfReferenceVersion> TermsOfReference => Set<TermsOfReferenceVersion>();

    public DbSet<InterviewEntry> Interviews => Set<InterviewEntry>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    /// Document files' bytes when Documents:Store is Database (DatabaseDocumentStorage).
    public DbSet<Documents.StoredDocument> DocumentContents => Set<Documents.StoredDocument>();

    /// The data-protection key ring (used with PostgreSQL, so that several processes share it).
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ReviewDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteReviewDb(DbContextOptions<SqliteReviewDb> options) : ReviewDb(options);

public sealed class PostgresReviewDb(DbContextOptions<PostgresReviewDb> options) : ReviewDb(options);
