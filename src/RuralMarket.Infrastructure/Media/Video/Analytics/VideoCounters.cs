using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Media.Video.Analytics;

public enum VideoCounter
{
    Plays,
    Completions,
    TagClicks,
    AddToCarts,
    AttributedOrders,
}

/// <summary>
/// A video's counters, each moved by one conditional UPDATE (never load-modify-save: a seller editing the title
/// must not lose to a viewer pressing play, see <see cref="VideoListing"/>). Only a video the storefront shows
/// counts viewers; attribution counts whatever the video's state, because the order was paid.
/// </summary>
public static class VideoCounters
{
    /// <summary>
    /// Marks the counters' SQL so the storefront's output cache is not emptied by every play: the storefront never
    /// shows these numbers (see <c>CatalogChangeEviction</c>, which skips commands starting with this tag).
    /// </summary>
    public const string NoEvictionTag = "rm:counters-only";

    /// <summary>Videos a buyer may watch: ready, published, visible, from an approved seller.</summary>
    public static IQueryable<VideoListing> ShownInStorefront(this RuralMarketDbContext db) =>
        db.Videos.Where(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
            && db.Sellers.Any(s => s.Id == v.SellerId && s.Status == SellerStatus.Approved));

    /// <summary>Adds one to a storefront video's counter; false when no such video is shown (nothing written).</summary>
    public static async Task<bool> IncrementAsync(this RuralMarketDbContext db, Guid videoId, VideoCounter counter, CancellationToken cancellationToken) =>
        await IncrementAsync(db.ShownInStorefront().Where(v => v.Id == videoId), counter, cancellationToken) > 0;

    /// <summary>Adds one to any video's counter (attribution: the video may have been unpublished since the click).</summary>
    public static Task<int> IncrementAnyAsync(this RuralMarketDbContext db, Guid videoId, VideoCounter counter, CancellationToken cancellationToken) =>
        IncrementAsync(db.Videos.Where(v => v.Id == videoId), counter, cancellationToken);

    private static Task<int> IncrementAsync(IQueryable<VideoListing> videos, VideoCounter counter, CancellationToken cancellationToken)
    {
        var tagged = videos.TagWith(NoEvictionTag);
        return counter switch
        {
            VideoCounter.Plays => tagged.ExecuteUpdateAsync(s => s.SetProperty(v => v.Plays, v => v.Plays + 1), cancellationToken),
            VideoCounter.Completions => tagged.ExecuteUpdateAsync(s => s.SetProperty(v => v.Completions, v => v.Completions + 1), cancellationToken),
            VideoCounter.TagClicks => tagged.ExecuteUpdateAsync(s => s.SetProperty(v => v.TagClicks, v => v.TagClicks + 1), cancellationToken),
            VideoCounter.AddToCarts => tagged.ExecuteUpdateAsync(s => s.SetProperty(v => v.AddToCarts, v => v.AddToCarts + 1), cancellationToken),
            VideoCounter.AttributedOrders => tagged.ExecuteUpdateAsync(s => s.SetProperty(v => v.AttributedOrders, v => v.AttributedOrders + 1), cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(counter), counter, "Unknown video counter."),
        };
    }
}
