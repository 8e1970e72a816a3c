using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal sealed class SellerConfiguration : IEntityTypeConfiguration<Seller>
{
    public void Configure(EntityTypeBuilder<Seller> seller)
    {
        seller.ToTable("Sellers");
        seller.HasKey(s => s.Id);
        seller.Property(s => s.Id).ValueGeneratedNever();
        seller.Property(s => s.OwnerUserId).HasMaxLength(450);
        seller.HasOne<AppUser>().WithMany().HasForeignKey(s => s.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        seller.HasIndex(s => s.OwnerUserId).IsUnique();
        seller.Property(s => s.Slug).HasMaxLength(80);
        seller.HasIndex(s => s.Slug).IsUnique();
        seller.Property(s => s.Name).HasMaxLength(120);
        seller.Property(s => s.Story).HasMaxLength(20_000);
        seller.Property(s => s.StatusReason).HasMaxLength(1000);
        seller.Property(s => s.PayoutProvider).HasMaxLength(40);
        seller.Property(s => s.PayoutAccountId).HasMaxLength(200);
        seller.Property(s => s.Version).IsConcurrencyToken();
        // Status first: lookups by status, and the home page's approved sellers by name without a sort.
        seller.HasIndex(s => new { s.Status, s.Name });

        seller.ComplexProperty(s => s.Location, location =>
        {
            location.Property(l => l.Town).HasColumnName("Town").HasMaxLength(100);
            location.Property(l => l.Region).HasColumnName("Region").HasMaxLength(100);
            location.Property(l => l.PostalCode).HasColumnName("PostalCode").HasMaxLength(20);
            location.Property(l => l.CountryCode).HasColumnName("CountryCode").HasMaxLength(2).IsUnicode(false);
            location.Property(l => l.Latitude).HasColumnName("Latitude");
            location.Property(l => l.Longitude).HasColumnName("Longitude");
        });

        seller.ComplexProperty(s => s.Fulfilment, fulfilment =>
        {
            fulfilment.Property(f => f.OffersPickup).HasColumnName("OffersPickup");
            fulfilment.Property(f => f.PickupAddress).HasColumnName("PickupAddress").HasMaxLength(300);
            fulfilment.Property(f => f.PickupHours).HasColumnName("PickupHours").HasMaxLength(200);
            fulfilment.Property(f => f.PickupInstructions).HasColumnName("PickupInstructions").HasMaxLength(1000);
            fulfilment.Property(f => f.OffersLocalDelivery).HasColumnName("OffersLocalDelivery");
            fulfilment.Property(f => f.DeliveryRadiusKm).HasColumnName("DeliveryRadiusKm");
            fulfilment.ComplexProperty(f => f.LocalDeliveryFee).Columns("LocalDeliveryFee");
            fulfilment.Property(f => f.OffersShipping).HasColumnName("OffersShipping");
            fulfilment.ComplexProperty(f => f.ShippingFee).Columns("ShippingFee");
            fulfilment.ComplexProperty(f => f.FreeShippingOver).Columns("FreeShippingOver");
        });

        seller.OwnsMany(s => s.StatusHistory, history =>
        {
            history.ToTable("SellerStatusChanges");
            history.WithOwner().HasForeignKey("SellerId");
            history.HasKey(h => h.Id);
            history.Property(h => h.Id).ValueGeneratedNever();
            history.Property(h => h.ByUserId).HasMaxLength(450);
            history.Property(h => h.Reason).HasMaxLength(1000);
        });
        seller.Navigation(s => s.StatusHistory).HasField("_statusHistory");
    }
}
