using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data.Seed;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

public static class VideoPipelineSetup
{
    /// <summary>Media storage (local or S3) and the transcode job, for the web app and the worker alike.</summary>
    public static IServiceCollection AddVideoPipeline(this IServiceCollection services)
    {
        services.AddMediaStorage();
        services.AddOptions<VideoTranscodingOptions>().BindConfiguration(VideoTranscodingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VideoTranscoder>();
        services.AddJob<TranscodeVideo, TranscodeVideoHandler>();
        services.AddScoped<DemoVideos>();
        services.AddJob<MakeDemoVideo, MakeDemoVideoHandler>();
        services.AddJob<PublishDemoVideo, PublishDemoVideoHandler>();
        return services;
    }
}
