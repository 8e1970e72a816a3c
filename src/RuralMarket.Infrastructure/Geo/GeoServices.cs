using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Infrastructure.Geo;

public static class GeoServices
{
    /// <summary>The bundled postal code directory (loaded once) and the nearby-sellers query.</summary>
    public static IServiceCollection AddNearMe(this IServiceCollection services)
    {
        services.AddSingleton<IPostalCodeDirectory, PostalCodeDirectory>();
        services.AddScoped<NearbySellers>();
        return services;
    }
}
