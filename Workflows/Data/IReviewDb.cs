using Domain.Accounts;
using Domain.ActionPlans;
using Domain.Audit;
using Domain.Calendar;
using Domain.Documents;
using Domain.Email;
using Domain.Organisations;
using Domain.Reviews;
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

    DbSet<JournalEntry> JournalEntries { get; }

    DbSet<WorkItem> WorkItems { get; }

    DbSet<WorkflowTimer> Timers { get; }

    DbSet<ReviewClock> ReviewClocks { get; }

    DbSet<IdempotencyKey> IdempotencyKeys { get; }

    DbSet<BankHoliday> BankHolidays { get; }
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<Incident> Incidents { get; }

    DbSet<Invitation> Invitations { get; }

    DbSet<NotificationPreferences> NotificationPreferences { get; }

    DbSet<Recommendation> Recommendations { get; }

    DbSet<RecommendationTheme> RecommendationThemes { get; }

    DbSet<PlanAction> PlanActions { get; }

    DbSet<ActionUpdate> ActionUpdates { get; }

    DbSet<Document> Documents { get; }

    DbSet<DocumentVersion> DocumentVersions { get; }

    DbSet<Theme> Themes { get; }

    DbSet<ReviewTheme> ReviewThemes { get; }

    DbSet<CaseUpdate> CaseUpdates { get; }

    DbSet<PortalUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

/// A context per operation (never one that lives as long as a circuit).
public interface IReviewDbFactory
{
    Task<IReviewDb> CreateAsync(CancellationToken cancellationToken = default);
}
