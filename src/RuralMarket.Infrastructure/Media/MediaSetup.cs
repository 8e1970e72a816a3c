using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Media.S3;

namespace RuralMarket.Infrastructure.Media;

public static class MediaSetup
{
    /// <summary>
    /// Media storage: local disk under the data directory unless configured, or an S3-compatible bucket when
    /// <c>Media:Provider</c> is <c>S3</c> (its settings checked at start). Photos are resized by the static ImageVariantMaker.
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddMediaStorage(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IMediaStorage)))
        {
            return services;
        }

        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddOptions<S3MediaOptions>().BindConfiguration(S3MediaOptions.Section);
        services.TryAddSingleton<LocalDiskMediaStorage>();
        services.TryAddSingleton<S3MediaStorage>();
        services.AddSingleton<IMediaStorage>(sp =>
            sp.GetRequiredService<IConfiguration>().GetValue($"{MediaOptions.Section}:{nameof(MediaOptions.Provider)}", MediaProvider.Local) == MediaProvider.S3
                ? sp.GetRequiredService<S3MediaStorage>()
                : sp.GetRequiredService<LocalDiskMediaStorage>());
        services.AddSingleton<IValidateOptions<S3MediaOptions>, S3MediaOptionsValidation>();
        services.AddOptions<S3MediaOptions>().ValidateOnStart();
        return services;
    }
}
