using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>
/// Runs the transcode of one video. A video that is no longer being processed (done, failed, deleted) is left
/// alone, so the job is safe to run again. Success: the listing is marked ready with its renditions and
/// forgets its source in one save, and only then is the source file deleted. Failure: the listing is marked
/// failed with a reason the seller can read (ffmpeg's own words go to the log) and no output stays stored;
/// the source stays so the seller can retry.
/// </summary>
public sealed class TranscodeVideoHandler(
    RuralMarketDbContext db,
    VideoTranscoder transcoder,
    IMediaStorage storage,
    IServiceScopeFactory scopes,
    ILogger<TranscodeVideoHandler> logger) : IJobHandler<TranscodeVideo>
{
    private const int SaveAttempts = 5;

    public async Task HandleAsync(TranscodeVideo job, CancellationToken cancellationToken)
    {
        var video = await db.Videos.AsNoTracking()
            .Where(v => v.Id == job.VideoId)
            .Select(v => new { v.Status, v.SourceKey })
            .SingleOrDefaultAsync(cancellationToken);
        if (video is null || video.Status != VideoStatus.Processing)
        {
            logger.LogInformation("Video {VideoId} is {Status}; nothing to transcode", job.VideoId, video?.Status.ToString() ?? "gone");
            return;
        }

        if (video.SourceKey is null)
        {
            await FailAsync(job.VideoId, "The original upload is no longer stored. Please upload the video again.", cancellationToken);
            return;
        }

        TranscodeOutput output;
        try
        {
            output = await transcoder.TranscodeAsync(job.VideoId, video.SourceKey, cancellationToken);
        }
        catch (TranscodeFailedException e)
        {
            logger.LogWarning("Transcode of video {VideoId} failed: {Detail}", job.VideoId, e.Detail ?? e.Message);
            await FailAsync(job.VideoId, e.Message, cancellationToken);
            return;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Transcode of video {VideoId} failed", job.VideoId);
            await FailAsync(job.VideoId, "Something went wrong on our side while converting this video. Please try again in a few minutes.", cancellationToken);
            return;
        }

        var sourceKey = video.SourceKey;
        bool ready;
        try
        {
            ready = await UpdateAsync(job.VideoId, listing =>
            {
                if (listing.Status != VideoStatus.Processing)
                {
                    return false;
                }

                sourceKey = listing.SourceKey;
                listing.MarkReady(output.Renditions, output.MasterPlaylistKey, output.Mp4FallbackKey, output.PosterKey);
                listing.ForgetSource();
                return true;
            }, cancellationToken);
        }
        catch
        {
            // The database refused (or we are stopping): the job runs again later into a new folder; drop this one.
            await storage.DeleteByPrefixAsync(output.Folder, CancellationToken.None);
            throw;
        }

        if (!ready)
        {
            // Deleted (or finished by another worker) while we worked: our copy is nobody's.
            logger.LogInformation("Video {VideoId} changed while transcoding; discarding this attempt's files", job.VideoId);
            await storage.DeleteByPrefixAsync(output.Folder, CancellationToken.None);
            return;
        }

        if (sourceKey is not null)
        {
            await storage.DeleteAsync(sourceKey, CancellationToken.None);
        }
    }

    private Task<bool> FailAsync(Guid videoId, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(videoId, listing =>
        {
            if (listing.Status != VideoStatus.Processing)
            {
                return false;
            }

            listing.MarkFailed(reason);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Loads the listing in a unit of work of its own, applies the change and saves, again on a fresh copy when
    /// someone else saved it meanwhile (the seller editing the title while it converts). False when the
    /// listing is gone or the change no longer applies.
    /// </summary>
    private async Task<bool> UpdateAsync(Guid videoId, Func<VideoListing, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var listing = await context.Videos.AsSingleQuery().SingleOrDefaultAsync(v => v.Id == videoId, cancellationToken);
            if (listing is null || !change(listing))
            {
                return false;
            }

            try
            {
                await context.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < SaveAttempts)
            {
                logger.LogInformation("Video {VideoId} was saved by someone else; applying the transcode result again", videoId);
            }
        }
    }
}
