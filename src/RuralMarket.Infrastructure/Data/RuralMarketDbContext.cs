using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Infrastructure.Data;

/// <summary>
/// The unit of work for the whole app. Each provider has a derived context so each keeps its own migrations.
/// </summary>
public abstract class RuralMarketDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Seller> Sellers => Set<Seller>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<VideoListing> Videos => Set<VideoListing>();

    public DbSet<VideoTagClick> VideoTagClicks => Set<VideoTagClick>();

    public DbSet<SellerFollow> SellerFollows => Set<SellerFollow>();

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<PlatformSetting> PlatformSettings => Set<PlatformSetting>();

    public DbSet<PaymentEvent> PaymentEvents => Set<PaymentEvent>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RuralMarketDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the data reads well and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteRuralMarketDbContext(DbContextOptions<SqliteRuralMarketDbContext> options) : RuralMarketDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRuralMarketDbContext(DbContextOptions<PostgresRuralMarketDbContext> options) : RuralMarketDbContext(options)
{
    /// <summary>The products' full-text vector (title weighted above description); a generated column, never written by the app.</summary>
    public const string ProductSearchVector = "SearchVector";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Product>(product =>
        {
            product.Property<NpgsqlTypes.NpgsqlTsVector>(ProductSearchVector)
                .HasComputedColumnSql("""setweight(to_tsvector('english', coalesce("Title", '')), 'A') || setweight(to_tsvector('english', coalesce("Description", '')), 'B')""", stored: true);
            product.HasIndex(ProductSearchVector).HasMethod("GIN");
            // Typo tolerance: trigram similarity on titles.
            product.HasIndex(p => p.Title, "IX_Products_Title_Trigram").HasMethod("GIN").HasOperators("gin_trgm_ops");
            // Index-only scans: a category's capped count joins each listing to its seller, and a card reads its cover key.
            product.HasIndex(p => new { p.CategoryId, p.Status, p.Moderation, p.CreatedAt }).IncludeProperties(p => p.SellerId);
            product.OwnsMany(p => p.Images, image => image.HasIndex("ProductId", nameof(ProductImage.SortOrder)).IncludeProperties(i => i.StorageKey));
        });
    }
}
