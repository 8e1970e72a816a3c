using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video.Upload;

/// <summary>Removes uploads nobody finished within <see cref="VideoUploadOptions.ExpireAfter"/> of their last piece.</summary>
public sealed class DeleteExpiredVideoUploads(VideoUploadStore uploads, IOptions<VideoUploadOptions> options, ILogger<DeleteExpiredVideoUploads> logger) : IPeriodicTask
{
    public TimeSpan Interval => options.Value.SweepInterval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var deleted = await uploads.DeleteExpiredAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} expired video upload files", deleted);
        }
    }
}
