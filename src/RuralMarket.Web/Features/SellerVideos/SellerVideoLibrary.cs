using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.Video;

namespace RuralMarket.Web.Features.SellerVideos;

/// <summary>
/// The seller's side of their videos: reading them scoped to the seller, tagging only their own products on sale,
/// captions, retrying a failed transcode, and deleting a video with every file it has.
/// </summary>
public sealed class SellerVideoLibrary(RuralMarketDbContext db, IMediaStorage storage, TimeProvider clock, ILogger<SellerVideoLibrary> logger)
{
    /// <summary>WebVTT for a few minutes of speech is a few KB; this leaves room for long videos.</summary>
    public const int MaxCaptionBytes = 256 * 1024;

    public const string StaleMessage = "This video was changed elsewhere (or finished converting) while you were editing. Nothing was saved; check it and try again.";

    public async Task<IReadOnlyList<SellerVideoRow>> ListAsync(Guid sellerId, CancellationToken cancellationToken)
    {
        var rows = await db.Videos.AsNoTracking()
            .Where(v => v.SellerId == sellerId)
            .OrderByDescending(v => v.CreatedAt)
            .Select(v => new { v.Id, v.Title, v.Status, v.Published, v.Moderation, v.FailureReason, v.HiddenReason, v.PosterKey, v.DurationSeconds, Tags = v.ProductTags.Count, v.CreatedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(v => new SellerVideoRow(
            v.Id,
            v.Title,
            VideoState.Of(v.Status, v.Published, v.Moderation, v.FailureReason, v.HiddenReason),
            v.PosterKey is null ? null : SellerVideoText.MediaUrl(v.PosterKey),
            v.DurationSeconds,
            v.Tags,
            v.CreatedAt))];
    }

    /// <summary>The seller's own video for a change; null for anyone else's (the page answers 404).</summary>
    public Task<VideoListing?> FindAsync(Guid sellerId, Guid videoId, CancellationToken cancellationToken) =>
        db.Videos.AsSingleQuery().SingleOrDefaultAsync(v => v.Id == videoId && v.SellerId == sellerId, cancellationToken);

    /// <summary>The titles of the products a video tags, by id: one small query, none when nothing is tagged.</summary>
    public static async Task<Dictionary<Guid, string>> TaggedProductTitlesAsync(RuralMarketDbContext db, VideoListing video, CancellationToken cancellationToken)
    {
        var productIds = video.ProductTags.Select(t => t.ProductId).Distinct().ToList();
        return productIds.Count == 0
            ? []
            : await db.Products.AsNoTracking()
                .Where(p => productIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Title })
                .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
    }

    public async Task<SellerVideoDetail?> DetailAsync(Guid sellerId, Guid videoId, CancellationToken cancellationToken)
    {
        var video = await db.Videos.AsNoTracking().AsSingleQuery().SingleOrDefaultAsync(v => v.Id == videoId && v.SellerId == sellerId, cancellationToken);
        if (video is null)
        {
            return null;
        }

        var titles = await TaggedProductTitlesAsync(db, video, cancellationToken);
        return new SellerVideoDetail(
            video.Id,
            video.Title,
            video.Description,
            video.Status,
            VideoState.Of(video.Status, video.Published, video.Moderation, video.FailureReason, video.HiddenReason),
            video.Published,
            video.CanPublish,
            video.Status == VideoStatus.Failed && video.SourceKey is not null,
            video.CanTagProducts,
            video.DurationSeconds,
            video.PosterKey is null ? null : SellerVideoText.MediaUrl(video.PosterKey),
            video.Mp4FallbackKey is null ? null : SellerVideoText.MediaUrl(video.Mp4FallbackKey),
            video.CaptionsKey is null ? null : SellerVideoText.MediaUrl(video.CaptionsKey),
            [.. video.Renditions.Select(r => r.Height).Order()],
            [.. video.ProductTags.OrderBy(t => t.StartSecond).Select(t => new SellerVideoTag(t.Id, t.ProductId, titles.GetValueOrDefault(t.ProductId, "A product"), t.StartSecond, t.EndSecond))],
            video.Appeal,
            video.AppealedAt,
            video.CanAppeal,
            video.Version);
    }

    /// <summary>The seller's products a buyer can see: the only ones a video may point at.</summary>
    public async Task<IReadOnlyList<TaggableProduct>> TaggableProductsAsync(Guid sellerId, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking()
            .Where(p => p.SellerId == sellerId && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .OrderBy(p => p.Title)
            .Select(p => new TaggableProduct(p.Id, p.Title))
            .ToListAsync(cancellationToken);

    public Task<bool> IsTaggableAsync(Guid sellerId, Guid productId, CancellationToken cancellationToken) =>
        db.Products.AnyAsync(p => p.Id == productId && p.SellerId == sellerId && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible, cancellationToken);

    /// <summary>Saves the tracked changes; false when someone else saved the video first (nothing is saved).</summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Converts a failed video again from its kept source, with the facts probed at upload.</summary>
    public async Task<string?> RetryAsync(VideoListing video, CancellationToken cancellationToken)
    {
        if (video.Status != VideoStatus.Failed || video.SourceKey is null)
        {
            return "Only a video that failed to convert, and whose upload we still have, can be tried again. Upload it again instead.";
        }

        video.StartProcessing(new VideoSourceFacts(video.SizeBytes, video.Sha256, video.DurationSeconds, video.Width, video.Height, video.VideoCodec, video.AudioCodec));
        db.Jobs.Enqueue(new TranscodeVideo(video.Id), clock.GetUtcNow().UtcDateTime);
        return await TrySaveAsync(cancellationToken) ? null : StaleMessage;
    }

    /// <summary>Checks and stores a WebVTT file as the video's captions (replacing any earlier ones). Returns a problem, or null.</summary>
    public async Task<string?> SetCaptionsAsync(VideoListing video, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return "Choose a captions file (.vtt) to upload.";
        }

        if (file.Length > MaxCaptionBytes)
        {
            return $"That captions file is {file.Length / 1024} KB; captions can be at most {MaxCaptionBytes / 1024} KB.";
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        if (!IsWebVtt(buffer.ToArray()))
        {
            return "That is not a WebVTT captions file: it must be UTF-8 text starting with the word WEBVTT. Most captioning tools can export one.";
        }

        var previous = video.CaptionsKey;
        var key = MediaKey.Require($"{VideoKeys.Folder(video.Id)}captions-{Guid.NewGuid():n}.vtt");
        buffer.Position = 0;
        await storage.SaveAsync(key, buffer, cancellationToken);
        video.SetCaptions(key);
        if (!await SaveOrDeleteAsync(key, cancellationToken))
        {
            return StaleMessage;
        }

        if (previous is not null)
        {
            await storage.DeleteAsync(previous, CancellationToken.None);
        }

        return null;
    }

    public async Task<string?> RemoveCaptionsAsync(VideoListing video, CancellationToken cancellationToken)
    {
        var previous = video.CaptionsKey;
        if (previous is null)
        {
            return "This video has no captions.";
        }

        video.SetCaptions(null);
        if (!await TrySaveAsync(cancellationToken))
        {
            return StaleMessage;
        }

        await storage.DeleteAsync(previous, CancellationToken.None);
        return null;
    }

    /// <summary>Deletes the listing (its tags and tag clicks go with it), then every file in its folder.</summary>
    public async Task DeleteAsync(VideoListing video, CancellationToken cancellationToken)
    {
        db.Videos.Remove(video);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await storage.DeleteByPrefixAsync(VideoKeys.Folder(video.Id), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The row is gone; leftover files are unreachable and harmless, but say so in the log.
            logger.LogError(e, "Could not delete the files of deleted video {VideoId}", video.Id);
        }
    }

    private async Task<bool> SaveOrDeleteAsync(string newKey, CancellationToken cancellationToken)
    {
        try
        {
            if (await TrySaveAsync(cancellationToken))
            {
                return true;
            }
        }
        catch
        {
            await storage.DeleteAsync(newKey, CancellationToken.None);
            throw;
        }

        await storage.DeleteAsync(newKey, CancellationToken.None);
        return false;
    }

    /// <summary>UTF-8 text whose first line starts with "WEBVTT" (after an optional byte-order mark), as the format requires.</summary>
    public static bool IsWebVtt(byte[] content)
    {
        var text = content.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (!text.StartsWith("WEBVTT"u8) || (text.Length > 6 && text[6] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')))
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text);
            return !text.Contains((byte)0);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
