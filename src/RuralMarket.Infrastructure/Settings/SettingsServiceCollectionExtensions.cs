using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Infrastructure.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>Platform settings admins change at run time (commission, fulfilment timers, video upload limits).</summary>
    public static IServiceCollection AddPlatformSettings(this IServiceCollection services)
    {
        services.AddOptions<PlatformSettingsOptions>().BindConfiguration(PlatformSettingsOptions.Section);
        services.AddSingleton<PlatformSettingsCache>();
        services.AddScoped<PlatformSettings>();
        return services;
    }
}
