using Microsoft.Extensions.DependencyInjection.Extensions;
using RuralMarket.Web.Features.Cart;

namespace RuralMarket.Web.Features.Checkout;

public static class CheckoutSetup
{
    public static IServiceCollection AddCheckoutFeature(this IServiceCollection services)
    {
        services.TryAddScoped<CartReader>();
        services.AddScoped<PlaceCheckout>();
        return services;
    }
}
