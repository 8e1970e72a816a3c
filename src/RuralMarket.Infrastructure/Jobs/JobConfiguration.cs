using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RuralMarket.Infrastructure.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.ToTable("Jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Type).HasMaxLength(100);
        job.Property(j => j.DedupKey).HasMaxLength(200);
        job.Property(j => j.LockedBy).HasMaxLength(200).IsConcurrencyToken();
        job.Property(j => j.LastError).HasMaxLength(4000);
        job.HasIndex(j => j.DedupKey).IsUnique();
        job.HasIndex(j => new { j.Status, j.RunAfter });
    }
}
