using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Infrastructure.Media;

public static class MediaSetup
{
    /// <summary>Media storage (local disk under the data directory unless configured) (photos are resized by the static ImageVariantMaker).</summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddSingleton<IMediaStorage, LocalDiskMediaStorage>();
        return services;
    }
}
