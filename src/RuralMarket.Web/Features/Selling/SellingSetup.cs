namespace RuralMarket.Web.Features.Selling;

public static class SellingSetup
{
    /// <summary>Seller applications, the shop form and the admins' review.</summary>
    public static IServiceCollection AddSelling(this IServiceCollection services)
    {
        services.AddOptions<SellingOptions>().BindConfiguration(SellingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ShopForm>();
        services.AddScoped<SellerApplications>();
        services.AddScoped<SellerReview>();
        return services;
    }
}
