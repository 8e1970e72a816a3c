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

    public DbSet<Cart> Carts => Set<Cart>();

    public DbSet<Checkout> Checkouts => Set<Checkout>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Payout> Payouts => Set<Payout>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

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
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
