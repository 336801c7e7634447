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
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Workflows.Data;

/// The database as the use cases see it (implemented by Infrastructure's EF context).
/// Handlers query it directly: no repositories.
public interface IReviewDb : IAsyncDisposable
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Review> Reviews { get; }

    DbSet<ReviewCsp> ReviewCsps { get; }

    DbSet<ReviewParticipant> ReviewParticipants { get; }

    DbSet<RestrictedDetails> RestrictedDetails { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<Membership> Memberships { get; }

    DbSet<ActionPlanTeam> ActionPlanTeams { get; }

    DbSet<ActionPlanTeamMember> ActionPlanTeamMembers { get; }

    DbSet<JournalEntry> JournalEntries { get; }

    DbSet<WorkItem> WorkItems { get; }

    DbSet<WorkflowTimer> Timers { get; }

    DbSet<ReviewClock> ReviewClocks { get; }

    DbSet<IdempotencyKey> IdempotencyKeys { get; }

    DbSet<BankHoliday> BankHolidays { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<RoleGrantRequest> RoleGrantRequests { get; }

    DbSet<AgencyContactRequest> AgencyContactRequests { get; }

    DbSet<AgencyOffice> AgencyOffices { get; }

    DbSet<NotificationPreferences> NotificationPreferences { get; }

    DbSet<Recommendation> Recommendations { get; }

    DbSet<RecommendationTheme> RecommendationThemes { get; }

    DbSet<PlanAction> PlanActions { get; }

    DbSet<ActionUpdate> ActionUpdates { get; }

    DbSet<ActionChange> ActionChanges { get; }

    DbSet<Document> Documents { get; }

    DbSet<DocumentVersion> DocumentVersions { get; }

    DbSet<Draft> Drafts { get; }

    DbSet<DraftComment> DraftComments { get; }

    DbSet<DraftInvitation> DraftInvitations { get; }

    DbSet<FamilyEngagement> FamilyEngagements { get; }

    DbSet<FamilyContact> FamilyContacts { get; }
    DbSet<PanelSeat> PanelSeats { get; }

    DbSet<PanelMeeting> PanelMeetings { get; }

    DbSet<MeetingOption> MeetingOptions { get; }

    DbSet<MeetingResponse> MeetingResponses { get; }

    DbSet<MeetingAttendance> MeetingAttendance { get; }

    DbSet<MeetingAction> MeetingActions { get; }
    DbSet<CrgMeeting> CrgMeetings { get; }

    DbSet<CrgAgendaItem> CrgAgendaItems { get; }

    DbSet<CrgAmendment> CrgAmendments { get; }

    DbSet<HomeOfficeSubmission> HomeOfficeSubmissions { get; }

    DbSet<PublicationLink> PublicationLinks { get; }

    DbSet<QaFeedbackPoint> QaFeedbackPoints { get; }
    DbSet<PooledBudget> PooledBudgets { get; }

    DbSet<BudgetContribution> BudgetContributions { get; }

    DbSet<BudgetCost> BudgetCosts { get; }

    DbSet<BudgetLine> BudgetLines { get; }

    DbSet<AuthorProfile> AuthorProfiles { get; }

    DbSet<AuthorAppointment> AuthorAppointments { get; }

    DbSet<ExpressionOfInterest> ExpressionsOfInterest { get; }

    DbSet<EoiRecipient> EoiRecipients { get; }

    DbSet<Theme> Themes { get; }

    DbSet<ReviewTheme> ReviewThemes { get; }

    DbSet<CaseUpdate> CaseUpdates { get; }

    DbSet<DisseminationEntry> DisseminationEntries { get; }

    DbSet<ReviewBriefing> ReviewBriefings { get; }

    DbSet<CommissionerRecommendation> CommissionerRecommendations { get; }

    DbSet<LearningSource> LearningSources { get; }

    DbSet<ReviewLedElsewhere> ReviewsLedElsewhere { get; }

    DbSet<ElsewhereUpdate> ElsewhereUpdates { get; }

    DbSet<LegalChallenge> LegalChallenges { get; }

    DbSet<ProfileField> ProfileFields { get; }

    DbSet<ProfileValue> ProfileValues { get; }

    DbSet<ReviewFindings> ReviewFindings { get; }

    DbSet<TermsOfReferenceVersion> TermsOfReference { get; }

    DbSet<InterviewEntry> Interviews { get; }

    DbSet<InformationRequest> InformationRequests { get; }

    DbSet<PortalUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    /// Identity's per-account secrets: the authenticator key, recovery codes, the last authenticator code used.
    DbSet<IdentityUserToken<string>> UserTokens { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// A context per operation (never one that lives as long as a circuit).
public interface IReviewDbFactory
{
    Task<IReviewDb> CreateAsync(CancellationToken cancellationToken = default);
}
