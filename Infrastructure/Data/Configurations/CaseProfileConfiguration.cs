using Domain.Profiles;
using Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Data;

namespace Infrastructure.Data.Configurations;

internal sealed class ProfileFieldConfiguration : IEntityTypeConfiguration<ProfileField>
{
    public void Configure(EntityTypeBuilder<ProfileField> b)
    {
        // PostgreSQL's identity does not move past seeded ids: fields added later start above the seed list.
        b.Property(f => f.Id).HasIdentityOptions(startValue: 100);
        b.Property(f => f.Key).HasMaxLength(ProfileField.KeyMaxLength);
        b.HasIndex(f => f.Key).IsUnique();
        b.Property(f => f.Label).HasMaxLength(ProfileField.LabelMaxLength);
        b.Property(f => f.Choices).HasMaxLength(ProfileField.ChoicesMaxLength);
        b.Ignore(f => f.ChoiceList);
        b.Ignore(f => f.HasChoices);
        // Seeded by the migration (fixed ids), so every database starts with the fields the Home Office's form is known to ask.
        b.HasData(ProfileField.Seed.Select(f => new ProfileField
        {
            Id = f.Id, Key = f.Key, Label = f.Label, Kind = f.Kind, Choices = f.Choices, SortOrder = f.SortOrder, IsActive = true,
        }));
    }
}

internal sealed class ProfileValueConfiguration : IEntityTypeConfiguration<ProfileValue>
{
    public void Configure(EntityTypeBuilder<ProfileValue> b)
    {
        b.HasKey(v => new { v.ReviewId, v.FieldId });
        // Protected at rest (AtRest): the column holds the longer protected form of the longest value (several choices).
        b.Property(v => v.Value).HasMaxLength(AtRest.StoredLength(ProfileField.ChoicesMaxLength));
        b.Property(v => v.UpdatedByUserId).HasMaxLength(450);
        b.HasIndex(v => v.FieldId);
        b.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Restrict);
        // A field in use is never deleted: deactivate it instead.
        b.HasOne<ProfileField>().WithMany().HasForeignKey(v => v.FieldId).OnDelete(DeleteBehavior.Restrict);
    }
}
