namespace RuralMarket.Web.Features.SellerVideos;

public static class SellerVideosSetup
{
    public static IServiceCollection AddSellerVideos(this IServiceCollection services)
    {
        services.AddScoped<SellerVideoLibrary>();
        return services;
    }
}
