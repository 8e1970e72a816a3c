using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media.Video.Probe;

namespace RuralMarket.Infrastructure.Media.Video.Upload;

public static class VideoUploadSetup
{
    /// <summary>Resumable video uploads on local disk, ffprobe validation, acceptance into media storage, and the expiry sweep.</summary>
    public static IServiceCollection AddVideoUploads(this IServiceCollection services)
    {
        services.AddOptions<VideoUploadOptions>().BindConfiguration(VideoUploadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VideoUploadStore>();
        services.AddSingleton<Ffprobe>();
        services.AddScoped<VideoUploadAcceptance>();
        services.AddPeriodicTask<DeleteExpiredVideoUploads>();
        return services;
    }
}
