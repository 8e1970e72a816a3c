using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Web.Pages.Products;

namespace RuralMarket.Web.Features.Admin;

/// <summary>
/// A product or video as its seller left it, for a moderator deciding on an appeal: the storefront answers 404 for
/// hidden listings, so this is the only place the edited listing can be seen.
/// </summary>
public sealed record ListingReview(
    ReportTarget Target,
    Guid Id,
    string Title,
    string Description,
    string SellerName,
    Guid SellerId,
    bool IsHidden,
    string? HiddenReason,
    AppealStatus Appeal,
    string? AppealNote,
    DateTime? AppealedAt,
    string? PriceText,
    IReadOnlyList<(string Url, string Alt)> Photos,
    string? VideoUrl,
    string? PosterUrl,
    IReadOnlyList<(int Second, string Product)> Tags)
{
    public const int PhotoWidth = 320;

    public static async Task<ListingReview?> LoadAsync(RuralMarketDbContext db, ReportTarget target, Guid id, CancellationToken cancellationToken)
    {
        switch (target)
        {
            case ReportTarget.Product:
                var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
                if (product is null)
                {
                    return null;
                }

                var productSeller = await SellerNameAsync(db, product.SellerId, cancellationToken);
                return new ListingReview(
                    target, product.Id, product.Title, product.Description, productSeller, product.SellerId,
                    product.Moderation == ModerationState.Hidden, product.HiddenReason, product.Appeal, product.AppealNote, product.AppealedAt,
                    $"{product.Price.Format()} {product.UnitLabel}",
                    [.. product.Images.OrderBy(i => i.SortOrder).Select(i => (ShowModel.MediaUrl(ImageVariantKeys.Parse(i.StorageKey)?.KeyAtLeast(PhotoWidth) ?? i.StorageKey), i.AltText))],
                    null, null, []);
            case ReportTarget.Video:
                var video = await db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
                if (video is null)
                {
                    return null;
                }

                var videoSeller = await SellerNameAsync(db, video.SellerId, cancellationToken);
                var titles = await SellerVideos.SellerVideoLibrary.TaggedProductTitlesAsync(db, video, cancellationToken);
                return new ListingReview(
                    target, video.Id, video.Title, video.Description, videoSeller, video.SellerId,
                    video.Moderation == ModerationState.Hidden, video.HiddenReason, video.Appeal, video.AppealNote, video.AppealedAt,
                    null, [],
                    video.Mp4FallbackKey is { } mp4 ? ShowModel.MediaUrl(mp4) : null,
                    video.PosterKey is { } poster ? ShowModel.MediaUrl(poster) : null,
                    [.. video.ProductTags.OrderBy(t => t.StartSecond).Select(t => (t.StartSecond, titles.GetValueOrDefault(t.ProductId, "(a removed product)")))]);
            default:
                return null;
        }
    }

    private static Task<string> SellerNameAsync(RuralMarketDbContext db, Guid sellerId, CancellationToken cancellationToken) =>
        db.Sellers.AsNoTracking().Where(s => s.Id == sellerId).Select(s => s.Name).SingleAsync(cancellationToken);
}
