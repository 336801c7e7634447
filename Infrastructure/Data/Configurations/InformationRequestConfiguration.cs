using Domain.Documents;
using Domain.Organisations;
using Domain.Requests;
using Domain.Reviews;
using Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> b)
    {
        b.Ignore(r => r.OwnerKey);
        b.Ignore(r => r.AwaitsReturn);
        b.Property(r => r.ContactUserId).HasMaxLength(450);
        b.Property(r => r.SentByUserId).HasMaxLength(450);
        b.Property(r => r.AcceptedByUserId).HasMaxLength(450);
        b.Property(r => r.Needed).HasMaxLength(InformationRequest.TextMaxLength);
        b.Property(r => r.TermsOfReference).HasMaxLength(InformationRequest.TextMaxLength);
        b.Property(r => r.ReturnNote).HasMaxLength(InformationRequest.TextMaxLength);
        b.Property(r => r.MoreInformationReason).HasMaxLength(InformationRequest.TextMaxLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasIndex(r => r.ReviewId);
        b.HasIndex(r => new { r.AgencyId, r.Status });
        b.HasOne<Review>().WithMany().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Document>().WithMany().HasForeignKey(r => r.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WorkItem>().WithMany().HasForeignKey(r => r.WorkItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
