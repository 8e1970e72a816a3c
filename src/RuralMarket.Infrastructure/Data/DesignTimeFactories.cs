using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace RuralMarket.Infrastructure.Data;

/// <summary>Used only by `dotnet ef migrations add`: each provider's context builds its own migration set.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteRuralMarketDbContext>
{
    public SqliteRuralMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteRuralMarketDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresRuralMarketDbContext>
{
    public PostgresRuralMarketDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresRuralMarketDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
