using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Infrastructure.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.ToTable("Categories");
        category.HasKey(c => c.Id);
        category.Property(c => c.Id).ValueGeneratedNever();
        category.Property(c => c.Slug).HasMaxLength(80);
        category.HasIndex(c => c.Slug).IsUnique();
        category.Property(c => c.Name).HasMaxLength(120);
        category.HasData(Category.All.Select(c => new { c.Id, c.Slug, c.Name, c.SortOrder }));
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        // Stock only ever moves by a conditional UPDATE; the constraint is the last line of defence.
        product.ToTable("Products", table => table.HasCheckConstraint("CK_Products_Stock_NotNegative", "\"Stock\" >= 0"));
        product.HasKey(p => p.Id);
        product.Property(p => p.Id).ValueGeneratedNever();
        product.HasOne<Seller>().WithMany().HasForeignKey(p => p.SellerId).OnDelete(DeleteBehavior.Restrict);
        product.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        product.Property(p => p.Slug).HasMaxLength(80);
        product.HasIndex(p => new { p.SellerId, p.Slug }).IsUnique();
        product.Property(p => p.Title).HasMaxLength(140);
        product.Property(p => p.Description).HasMaxLength(5000);
        product.Property(p => p.UnitLabel).HasMaxLength(40);
        product.Property(p => p.HiddenReason).HasMaxLength(1000);
        product.Property(p => p.AppealNote).HasMaxLength(Appeals.MaxNoteLength);
        // Flags are stored as their number so "allows pickup" is a bitwise test in SQL.
        product.Property(p => p.AllowedFulfilment).HasConversion<int>();
        product.Property(p => p.Version).IsConcurrencyToken();
        product.ComplexProperty(p => p.Price).Columns("Price");
        product.ComplexProperty(p => p.Season, season =>
        {
            season.Property(s => s.StartMonth).HasColumnName("SeasonStartMonth");
            season.Property(s => s.EndMonth).HasColumnName("SeasonEndMonth");
        });
        // A category's listed products newest first, straight off the index (its page), and its capped count.
        product.HasIndex(p => new { p.CategoryId, p.Status, p.Moderation, p.CreatedAt });
        product.HasIndex(p => new { p.Status, p.Moderation, p.CreatedAt });
        product.HasIndex(p => new { p.Moderation, p.Appeal });
        // A seller's listed products newest first, and their count read from the index alone (seller page, home's sellers).
        product.HasIndex(p => new { p.SellerId, p.Status, p.Moderation, p.CreatedAt });

        product.OwnsMany(p => p.Images, image =>
        {
            image.ToTable("ProductImages");
            image.WithOwner().HasForeignKey("ProductId");
            image.HasKey(i => i.Id);
            image.Property(i => i.Id).ValueGeneratedNever();
            image.Property(i => i.StorageKey).HasMaxLength(400);
            image.Property(i => i.AltText).HasMaxLength(200);
            // A card's cover is the product's first photo: the first entry of this index, no sort.
            image.HasIndex("ProductId", nameof(ProductImage.SortOrder));
        });
        product.Navigation(p => p.Images).HasField("_images");
    }
}
