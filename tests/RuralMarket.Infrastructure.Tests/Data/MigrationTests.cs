using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Data.Seed;
using RuralMarket.Infrastructure.Tests.Support;

namespace RuralMarket.Infrastructure.Tests.Data;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_provider_has_no_model_changes_missing_from_its_migrations_and_migrates_an_empty_database(DatabaseProvider provider)
    {
        await using var host = await TestDatabaseHost.StartAsync(provider);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();

        db.Database.HasPendingModelChanges().Should().BeFalse("run `dotnet ef migrations add` for the {0} context", provider);
        (await db.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        (await db.Categories.CountAsync()).Should().Be(9);
        (await db.Roles.Select(r => r.Name).ToListAsync()).Should().BeEquivalentTo(["Admin", "Seller"]);
    }

    [Fact]
    public void The_demo_catalog_is_consistent() =>
        DemoCatalog.Validate().Should().BeEmpty();
}
