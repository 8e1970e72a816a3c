using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Infrastructure.Data;

/// <summary>Brings the database to the current schema and makes sure the fixed reference data exists.</summary>
public sealed class DatabaseInitializer(RuralMarketDbContext db, ILogger<DatabaseInitializer> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while the single writer commits; it is a property of the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations on {Provider}: {Migrations}", pending.Count, db.Provider, string.Join(", ", pending));
        }

        // The execution strategy makes the whole migration retry as one unit on transient failures.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
        await EnsureRolesAsync();
    }

    private async Task EnsureRolesAsync()
    {
        var existing = await db.Roles.Select(r => r.Name ?? "").ToListAsync();
        foreach (var role in Roles.All.Except(existing, StringComparer.Ordinal))
        {
            db.Roles.Add(new IdentityRole(role) { NormalizedName = role.ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString() });
        }

        await db.SaveChangesAsync();
    }
}
