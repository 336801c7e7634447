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

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<WorkItem> WorkItems => Set<WorkItem>();

    public DbSet<WorkflowTimer> Timers => Set<WorkflowTimer>();

    public DbSet<ReviewClock> ReviewClocks => Set<ReviewClock>();

    public DbSet<IdempotencyKey> IdempotencyKeys => Set<IdempotencyKey>();

    public DbSet<BankHoliday> BankHolidays => Set<BankHoliday>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<RecommendationTheme> RecommendationThemes => Set<RecommendationTheme>();

    public DbSet<PlanAction> PlanActions => Set<PlanAction>();

    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentVersion> DocumentVersions => Set<DocumentVersion>();

    public DbSet<Theme> Themes => Set<Theme>();

    public DbSet<ReviewTheme> ReviewThemes => Set<ReviewTheme>();

    public DbSet<CaseUpdate> CaseUpdates => Set<CaseUpdate>();

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
