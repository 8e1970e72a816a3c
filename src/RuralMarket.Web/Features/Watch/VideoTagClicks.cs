using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media.Video.Analytics;

namespace RuralMarket.Web.Features.Watch;

/// <summary>
/// Counts a viewer's tap on a product tagged in a video: the video's counter, and a <see cref="VideoTagClick"/> (per
/// product for the seller's stats; when we know who tapped, it lets a purchase within seven days be credited to the
/// video). Both or neither.
/// </summary>
public sealed class VideoTagClickRecorder(RuralMarketDbContext db, TimeProvider clock)
{
    /// <summary>Whether the video is shown in the storefront and tags that product; null when the video is not shown.</summary>
    public Task<bool?> TagsProductAsync(Guid videoId, Guid productId, CancellationToken cancellationToken) =>
        db.ShownInStorefront().AsNoTracking()
            .Where(v => v.Id == videoId)
            .Select(v => (bool?)v.ProductTags.Any(t => t.ProductId == productId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds to the counters (tag clicks, and add-to-carts when <paramref name="addedToCart"/>) and records the click.</summary>
    public async Task RecordAsync(Guid videoId, Guid productId, string? viewerKey, bool addedToCart, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.IncrementAsync(videoId, VideoCounter.TagClicks, ct);
            if (addedToCart)
            {
                await db.IncrementAsync(videoId, VideoCounter.AddToCarts, ct);
            }

            db.VideoTagClicks.Add(VideoTagClick.Record(videoId, productId, viewerKey ?? ViewerKeys.Unrecognised, clock));
            await db.SaveChangesAsync(ct);

            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>
    /// "Add to cart" from a video's product list succeeded: a tap on the tag and an add-to-cart for the video, when the
    /// video is shown and tags that product (anything else is ignored: the cart add stands on its own).
    /// </summary>
    public async Task RecordAddToCartAsync(HttpContext context, Guid videoId, Guid productId, CancellationToken cancellationToken)
    {
        if (await TagsProductAsync(videoId, productId, cancellationToken) == true)
        {
            await RecordAsync(videoId, productId, ViewerKeys.Of(context), addedToCart: true, cancellationToken);
        }
    }

    /// <summary>At sign-in: the taps this browser made anonymously become the account's, so a purchase can be credited.</summary>
    public async Task ClaimAnonymousClicksAsync(string anonymousKey, string userId, CancellationToken cancellationToken)
    {
        var clicks = await db.VideoTagClicks.Where(c => c.ViewerKey == anonymousKey).Take(500).ToListAsync(cancellationToken);
        foreach (var click in clicks)
        {
            click.AssignViewer(userId);
        }

        if (clicks.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
