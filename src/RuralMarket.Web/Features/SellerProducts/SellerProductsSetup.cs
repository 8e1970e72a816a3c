using RuralMarket.Infrastructure.Media;

namespace RuralMarket.Web.Features.SellerProducts;

public static class SellerProductsSetup
{
    public static IServiceCollection AddSellerProducts(this IServiceCollection services)
    {
        services.AddMediaStorage();
        services.AddOptions<ProductImageOptions>().BindConfiguration(ProductImageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SellerCatalog>();
        services.AddScoped<ProductCsvImport>();
        services.AddScoped<PublishingGuard>();
        return services;
    }
}
