using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Ordering;

public static class OrderingServiceCollectionExtensions
{
    /// <summary>Checkout settlement, checkout expiry (per-checkout job and sweep timer) and buyer order actions.</summary>
    public static IServiceCollection AddOrdering(this IServiceCollection services)
    {
        services.AddScoped<CheckoutSettlement>();
        services.AddScoped<BuyerOrderActions>();
        services.AddJob<ExpireCheckout, ExpireCheckoutHandler>();
        services.AddPeriodicTask<ExpireUnpaidCheckouts>();
        return services;
    }
}
