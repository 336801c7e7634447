using Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infrastructure.Data.Configurations;

internal sealed class BankHolidayConfiguration : IEntityTypeConfiguration<BankHoliday>
{
    public void Configure(EntityTypeBuilder<BankHoliday> b)
    {
        b.Property(h => h.Name).HasMaxLength(100);
        b.Property(h => h.AddedByUserId).HasMaxLength(450);
        b.HasIndex(h => h.Date).IsUnique();
    }
}
