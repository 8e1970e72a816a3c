using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Settings;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media.Video.Probe;

namespace RuralMarket.Infrastructure.Media.Video.Upload;

/// <summary>
/// How finishing an upload ended. <see cref="VideoId"/> when the video was accepted (it is now Processing);
/// otherwise <see cref="Problem"/> says why in plain words, and <see cref="UploadKept"/> whether the seller can still
/// finish the same upload (a bad title) or must upload again (a bad file: it has been deleted).
/// </summary>
public sealed record UploadFinish(Guid? VideoId, string? Problem, bool UploadKept)
{
    public static UploadFinish Accepted(Guid videoId) => new(videoId, null, false);

    public static UploadFinish Rejected(string reason) => new(null, reason, false);

    public static UploadFinish Kept(string problem) => new(null, problem, true);
}

/// <summary>
/// Turns a finished upload (resumable or a plain form post) into a video listing: probe it, and either refuse it
/// (deleting the file, creating nothing) or store it as the listing's source and, in one save, create the listing,
/// attach the source, start processing with the probed facts and enqueue the transcode. If that save fails the
/// stored source is deleted again.
/// </summary>
public sealed class VideoUploadAcceptance(
    RuralMarketDbContext db,
    IMediaStorage storage,
    VideoUploadStore uploads,
    Ffprobe ffprobe,
    IOptions<VideoUploadOptions> options,
    PlatformSettings settings,
    TimeProvider clock,
    ILogger<VideoUploadAcceptance> logger)
{
    public const string UploadGone = "We could not find that upload; unfinished uploads are removed after a while. Upload the video again.";
    public const string ProbeUnavailable = "We cannot check videos right now. Try again in a few minutes — your upload is kept.";

    /// <summary>Finishes a resumable upload the seller owns and has sent completely.</summary>
    public async Task<UploadFinish> FinishAsync(Guid sellerId, string? uploadId, string title, string? description, CancellationToken cancellationToken)
    {
        var upload = await uploads.FindAsync(uploadId, cancellationToken);
        if (upload is null || upload.SellerId != sellerId)
        {
            return UploadFinish.Rejected(UploadGone);
        }

        if (!upload.IsComplete)
        {
            return UploadFinish.Kept($"Only {FileSize.Describe(upload.Offset)} of {FileSize.Describe(upload.Length)} has arrived so far. Let the upload finish, then save.");
        }

        using var claim = uploads.TryClaim(upload.Id);
        if (claim is null)
        {
            return UploadFinish.Kept("This upload is busy (still receiving data, or being saved already). Wait a moment and try again.");
        }

        return await AcceptAsync(sellerId, title, description, uploads.DataPath(upload.Id), upload.FileName, claim.DeleteFiles, cancellationToken);
    }

    /// <summary>Accepts a video sent in one plain form post (small files, no JavaScript). The content is not kept either way.</summary>
    public async Task<UploadFinish> AcceptFormUploadAsync(Guid sellerId, string title, string? description, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        var path = uploads.NewFormUploadPath();
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            var outcome = await AcceptAsync(sellerId, title, description, path, fileName, () => { }, cancellationToken);
            return outcome.UploadKept ? outcome with { UploadKept = false } : outcome;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<UploadFinish> AcceptAsync(
        Guid sellerId, string title, string? description, string path, string? fileName, Action discard, CancellationToken cancellationToken)
    {
        VideoListing video;
        try
        {
            video = VideoListing.Create(sellerId, title, description, clock);
        }
        catch (DomainException e)
        {
            return UploadFinish.Kept(e.Message);
        }

        var size = new FileInfo(path).Length;
        var head = new byte[8];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        FfprobeReport report;
        try
        {
            report = size == 0 ? FfprobeReport.Unreadable("") : await ffprobe.ProbeAsync(path, cancellationToken);
        }
        catch (ProbeUnavailableException e)
        {
            logger.LogError(e, "Could not probe a video upload for seller {SellerId}", sellerId);
            return UploadFinish.Kept(ProbeUnavailable);
        }

        var limits = await settings.VideoUploadLimitsAsync(cancellationToken);
        var rules = options.Value.WithLimits(limits.MaxBytes, limits.MaxDuration);
        var verdict = VideoFileRules.Judge(report, size, fileName, VideoFileRules.StartsLikeMp4(head), rules);
        if (verdict.Accepted is not { } accepted)
        {
            discard();
            logger.LogInformation("Refused a video upload for seller {SellerId}: {Reason} ({Errors})", sellerId, verdict.Rejection, report.Errors.Trim());
            return UploadFinish.Rejected(verdict.Rejection!);
        }

        var key = VideoKeys.Source(video.Id, accepted.Extension);
        string sha256;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        await using (var hashing = new Sha256ReadStream(file))
        {
            await storage.SaveAsync(key, hashing, cancellationToken);
            sha256 = hashing.HexDigest();
        }

        try
        {
            video.AttachSource(key);
            video.StartProcessing(new VideoSourceFacts(size, sha256, accepted.DurationSeconds, accepted.Width, accepted.Height, accepted.VideoCodec, accepted.AudioCodec));
            db.Videos.Add(video);
            db.Jobs.Enqueue(new TranscodeVideo(video.Id), clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // No orphans: a source nobody's listing points at is removed, and the upload stays for another try.
            await storage.DeleteAsync(key, CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }

        discard();
        logger.LogInformation("Accepted video {VideoId} for seller {SellerId}: {Width}x{Height} {Codec}, {Seconds} s, {Bytes} bytes",
            video.Id, sellerId, accepted.Width, accepted.Height, accepted.VideoCodec, accepted.DurationSeconds, size);
        return UploadFinish.Accepted(video.Id);
    }
}
