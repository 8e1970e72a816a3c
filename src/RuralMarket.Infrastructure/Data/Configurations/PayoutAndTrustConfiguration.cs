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

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.ToTable("Refunds");
        refund.HasKey(r => r.Id);
        refund.Property(r => r.Id).ValueGeneratedNever();
        refund.HasOne<Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Restrict);
        refund.HasOne<Checkout>().WithMany().HasForeignKey(r => r.CheckoutId).OnDelete(DeleteBehavior.Restrict);
        refund.ComplexProperty(r => r.Amount).Columns("Amount");
        refund.ComplexProperty(r => r.ReversedFromSeller).Columns("ReversedFromSeller");
        refund.Property(r => r.Reason).HasMaxLength(1000);
        refund.Property(r => r.RequestedByUserId).HasMaxLength(450);
        refund.Property(r => r.IdempotencyKey).HasMaxLength(200);
        refund.HasIndex(r => r.IdempotencyKey).IsUnique();
        refund.Property(r => r.ProviderRefundId).HasMaxLength(200);
        refund.Property(r => r.TransferReversalId).HasMaxLength(200);
        refund.HasIndex(r => new { r.OrderId, r.CreatedAt });
    }
}

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> setting)
    {
        setting.ToTable("PlatformSettings");
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
        setting.Property(s => s.Value).HasMaxLength(400);
        setting.Property(s => s.UpdatedByUserId).HasMaxLength(450);
        setting.Property(s => s.Version).IsConcurrencyToken();
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

        // One open report per reporter and target; resolved ones stay as history.
        report.HasIndex(r => new { r.ReporterUserId, r.Target, r.TargetId })
            .HasDatabaseName("IX_Reports_OneOpenPerReporterAndTarget")
            .IsUnique()
            .HasFilter("\"Status\" = 'Open'");
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
