using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Search;

public static class SearchServices
{
    /// <summary><see cref="ICatalogSearch"/> for the configured database provider.</summary>
    public static IServiceCollection AddCatalogSearch(this IServiceCollection services)
    {
        services.AddScoped<ICatalogSearch>(sp =>
        {
            var db = sp.GetRequiredService<RuralMarketDbContext>();
            var clock = sp.GetRequiredService<TimeProvider>();
            return db.Provider == DatabaseProvider.Postgres ? new PostgresCatalogSearch(db, clock) : new SqliteCatalogSearch(db, clock);
        });
        return services;
    }
}
