using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal sealed class CartConfiguration : IEntityTypeConfiguration<Cart>
{
    public void Configure(EntityTypeBuilder<Cart> cart)
    {
        cart.ToTable("Carts");
        cart.HasKey(c => c.Id);
        cart.Property(c => c.Id).ValueGeneratedNever();
        cart.Property(c => c.BuyerUserId).HasMaxLength(450);
        cart.HasOne<AppUser>().WithMany().HasForeignKey(c => c.BuyerUserId).OnDelete(DeleteBehavior.Cascade);
        cart.HasIndex(c => c.BuyerUserId).IsUnique();
        cart.Property(c => c.AnonymousToken).HasMaxLength(100);
        cart.HasIndex(c => c.AnonymousToken).IsUnique();
        cart.Property(c => c.Version).IsConcurrencyToken();

        cart.OwnsMany(c => c.Lines, line =>
        {
            line.ToTable("CartLines");
            line.WithOwner().HasForeignKey("CartId");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
        cart.Navigation(c => c.Lines).HasField("_lines");

        cart.OwnsMany(c => c.SellerChoices, choice =>
        {
            choice.ToTable("CartSellerChoices");
            choice.WithOwner().HasForeignKey("CartId");
            choice.HasKey(l => l.Id);
            choice.Property(l => l.Id).ValueGeneratedNever();
            choice.Property(l => l.Method).HasConversion<string>().HasMaxLength(32);
        });
        cart.Navigation(c => c.SellerChoices).HasField("_sellerChoices");
    }
}

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    public void Configure(EntityTypeBuilder<Checkout> checkout)
    {
        checkout.ToTable("Checkouts");
        checkout.HasKey(c => c.Id);
        checkout.Property(c => c.Id).ValueGeneratedNever();
        checkout.Property(c => c.BuyerUserId).HasMaxLength(450);
        checkout.HasOne<AppUser>().WithMany().HasForeignKey(c => c.BuyerUserId).OnDelete(DeleteBehavior.Restrict);
        checkout.Property(c => c.BuyerEmail).HasMaxLength(256);
        checkout.Property(c => c.PaymentProvider).HasMaxLength(40);
        checkout.Property(c => c.ProviderReference).HasMaxLength(200);
        checkout.HasIndex(c => new { c.PaymentProvider, c.ProviderReference });
        checkout.Property(c => c.PaymentReference).HasMaxLength(255);
        checkout.Property(c => c.FailureReason).HasMaxLength(1000);
        checkout.Property(c => c.Version).IsConcurrencyToken();
        checkout.ComplexProperty(c => c.Total).Columns("Total");
        checkout.HasIndex(c => new { c.Status, c.ExpiresAt });
        checkout.HasIndex(c => new { c.BuyerUserId, c.CreatedAt });
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> order)
    {
        order.ToTable("Orders");
        order.HasKey(o => o.Id);
        order.Property(o => o.Id).ValueGeneratedNever();
        order.HasOne<Checkout>().WithMany().HasForeignKey(o => o.CheckoutId).OnDelete(DeleteBehavior.Restrict);
        order.HasOne<Seller>().WithMany().HasForeignKey(o => o.SellerId).OnDelete(DeleteBehavior.Restrict);
        order.Property(o => o.BuyerUserId).HasMaxLength(450);
        order.HasOne<AppUser>().WithMany().HasForeignKey(o => o.BuyerUserId).OnDelete(DeleteBehavior.Restrict);
        order.HasIndex(o => o.Number).IsUnique();
        order.Property(o => o.Method).HasConversion<string>().HasMaxLength(32);
        order.Property(o => o.Carrier).HasMaxLength(100);
        order.Property(o => o.TrackingNumber).HasMaxLength(100);
        order.Property(o => o.PickupCode).HasMaxLength(12);
        order.Property(o => o.ProblemDescription).HasMaxLength(2000);
        order.Property(o => o.CancellationReason).HasMaxLength(1000);
        order.Property(o => o.Version).IsConcurrencyToken();
        order.HasIndex(o => new { o.SellerId, o.Status, o.CreatedAt });
        order.HasIndex(o => new { o.BuyerUserId, o.CreatedAt });
        order.HasIndex(o => new { o.Status, o.DeliveredAt });
        order.ComplexProperty(o => o.Subtotal).Columns("Subtotal");
        order.ComplexProperty(o => o.DeliveryFee).Columns("DeliveryFee");
        order.ComplexProperty(o => o.PlatformFee).Columns("PlatformFee");
        order.ComplexProperty(o => o.Total).Columns("Total");
        order.ComplexProperty(o => o.RefundedAmount).Columns("Refunded");
        order.ComplexProperty(o => o.Delivery, delivery =>
        {
            delivery.Property(d => d.RecipientName).HasColumnName("RecipientName").HasMaxLength(200);
            delivery.Property(d => d.Line1).HasColumnName("AddressLine1").HasMaxLength(200);
            delivery.Property(d => d.Line2).HasColumnName("AddressLine2").HasMaxLength(200);
            delivery.Property(d => d.Town).HasColumnName("AddressTown").HasMaxLength(100);
            delivery.Property(d => d.Region).HasColumnName("AddressRegion").HasMaxLength(100);
            delivery.Property(d => d.PostalCode).HasColumnName("AddressPostalCode").HasMaxLength(20);
            delivery.Property(d => d.CountryCode).HasColumnName("AddressCountryCode").HasMaxLength(2);
            delivery.Property(d => d.Phone).HasColumnName("Phone").HasMaxLength(40);
            delivery.Property(d => d.PickupNote).HasColumnName("PickupNote").HasMaxLength(500);
        });

        // Lines carry Money (complex types), which owned types cannot hold: they are a child entity instead.
        order.HasMany(o => o.Lines).WithOne().HasForeignKey("OrderId").OnDelete(DeleteBehavior.Cascade);
        order.Navigation(o => o.Lines).HasField("_lines");

        order.OwnsMany(o => o.StatusHistory, change =>
        {
            change.ToTable("OrderStatusChanges");
            change.WithOwner().HasForeignKey("OrderId");
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.ByUserId).HasMaxLength(450);
            change.Property(c => c.Note).HasMaxLength(1000);
        });
        order.Navigation(o => o.StatusHistory).HasField("_statusHistory");
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> line)
    {
        line.ToTable("OrderLines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Id).ValueGeneratedNever();
        line.Property(l => l.Title).HasMaxLength(140);
        // A snapshot: the product may later change or be archived, the line does not.
        line.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        line.ComplexProperty(l => l.UnitPrice).Columns("UnitPrice");
        line.ComplexProperty(l => l.LineTotal).Columns("LineTotal");
    }
}
