using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> payout)
    {
        payout.ToTable("Payouts");
        payout.HasKey(p => p.Id);
        payout.Property(p => p.Id).ValueGeneratedNever();
        payout.HasOne<Order>().WithOne().HasForeignKey<Payout>(p => p.OrderId).OnDelete(DeleteBehavior.Restrict);
        payout.HasOne<Seller>().WithMany().HasForeignKey(p => p.SellerId).OnDelete(DeleteBehavior.Restrict);
        payout.Property(p => p.TransferId).HasMaxLength(200);
        payout.Property(p => p.FailureReason).HasMaxLength(1000);
        payout.Property(p => p.HoldReason).HasMaxLength(1000);
        payout.Property(p => p.ReversalReason).HasMaxLength(1000);
        payout.Property(p => p.Version).IsConcurrencyToken();
        payout.ComplexProperty(p => p.Gross).Columns("Gross");
        payout.ComplexProperty(p => p.Commission).Columns("Commission");
        payout.ComplexProperty(p => p.Net).Columns("Net");
        payout.HasIndex(p => new { p.SellerId, p.Status });
        payout.HasIndex(p => new { p.Status, p.ReleasableAt });
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> report)
    {
        report.ToTable("Reports");
        report.HasKey(r => r.Id);
        report.Property(r => r.Id).ValueGeneratedNever();
        report.Property(r => r.ReporterUserId).HasMaxLength(450);
        report.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReporterUserId).OnDelete(DeleteBehavior.Cascade);
        report.Property(r => r.Details).HasMaxLength(1000);
        report.Property(r => r.ResolvedByUserId).HasMaxLength(450);
        report.Property(r => r.ResolutionNote).HasMaxLength(1000);
        report.Property(r => r.Version).IsConcurrencyToken();
        report.HasIndex(r => new { r.Status, r.Target, r.TargetId });
        report.HasIndex(r => new { r.ReporterUserId, r.Target, r.TargetId });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.HasKey(a => a.Id);
        entry.Property(a => a.Id).ValueGeneratedNever();
        entry.Property(a => a.ActorUserId).HasMaxLength(450);
        entry.Property(a => a.Action).HasMaxLength(100);
        entry.Property(a => a.TargetType).HasMaxLength(60);
        entry.Property(a => a.TargetId).HasMaxLength(100);
        entry.Property(a => a.Reason).HasMaxLength(2000);
        entry.HasIndex(a => a.At);
        entry.HasIndex(a => new { a.TargetType, a.TargetId });
        entry.HasIndex(a => a.ActorUserId);
    }
}
