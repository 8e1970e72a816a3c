using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Features.Watch;

/// <summary>A video the storefront may show, with its seller.</summary>
public sealed class ListedVideo
{
    public required VideoListing Video { get; init; }

    public required Seller Seller { get; init; }
}

/// <summary>
/// The videos buyers may watch — ready, published, visible, from an approved seller — and the reads every page
/// that shows them shares. Players cost two SQL commands whatever their number (the videos with their tags, then
/// the tagged products still for sale); cards cost one.
/// </summary>
public sealed class StorefrontVideos(RuralMarketDbContext db)
{
    private sealed record TagRow(Guid ProductId, int StartSecond, int? EndSecond);

    private sealed record PlayerRow(
        Guid Id,
        Guid SellerId,
        string Title,
        string Description,
        string? MasterPlaylistKey,
        string? Mp4FallbackKey,
        string? PosterKey,
        string? CaptionsKey,
        int Width,
        int Height,
        double DurationSeconds,
        string SellerName,
        string SellerSlug,
        string Town,
        string? Region,
        double Latitude,
        double Longitude,
        List<TagRow> Tags);

    private sealed record TaggedProduct(Guid Id, string Title, string Slug, string SellerSlug, long PriceAmount, string PriceCurrency, string UnitLabel, int Stock);

    public sealed record Player(VideoPlayerView View, string Description, Guid SellerId, string SellerName, string SellerSlug, string Place, double Latitude, double Longitude);

    public IQueryable<ListedVideo> Listed() =>
        db.Videos.AsNoTracking()
            .Where(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible)
            .Join(
                db.Sellers.AsNoTracking().Where(s => s.Status == SellerStatus.Approved),
                v => v.SellerId,
                s => s.Id,
                (v, s) => new ListedVideo { Video = v, Seller = s });

    public static IQueryable<ListedVideo> Newest(IQueryable<ListedVideo> videos) =>
        videos.OrderByDescending(x => x.Video.PublishedAt).ThenByDescending(x => x.Video.Id);

    /// <summary>Nearest seller first (the same great-circle ordering as <see cref="NearbySellers"/>), newest first within a seller.</summary>
    public static IQueryable<ListedVideo> Nearest(IQueryable<ListedVideo> videos, GeoPoint buyer)
    {
        var lat = buyer.Latitude;
        var lng = buyer.Longitude;
        var cosLat = Math.Cos(lat * GeoMath.RadiansPerDegree);
        return videos
            .OrderBy(x =>
                (Math.Sin((x.Seller.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree) * Math.Sin((x.Seller.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree))
                + (cosLat * Math.Cos(x.Seller.Location.Latitude * GeoMath.RadiansPerDegree)
                    * Math.Sin((x.Seller.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree) * Math.Sin((x.Seller.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree)))
            .ThenByDescending(x => x.Video.PublishedAt)
            .ThenByDescending(x => x.Video.Id);
    }

    /// <summary>Reads players for an ordered, already paged query of videos: two SQL commands (none for the products when nothing is tagged).</summary>
    public async Task<IReadOnlyList<Player>> PlayersAsync(IQueryable<ListedVideo> videos, CancellationToken cancellationToken)
    {
        var rows = await videos
            .Select(x => new PlayerRow(
                x.Video.Id,
                x.Video.SellerId,
                x.Video.Title,
                x.Video.Description,
                x.Video.MasterPlaylistKey,
                x.Video.Mp4FallbackKey,
                x.Video.PosterKey,
                x.Video.CaptionsKey,
                x.Video.Width,
                x.Video.Height,
                x.Video.DurationSeconds,
                x.Seller.Name,
                x.Seller.Slug,
                x.Seller.Location.Town,
                x.Seller.Location.Region,
                x.Seller.Location.Latitude,
                x.Seller.Location.Longitude,
                x.Video.ProductTags.Select(t => new TagRow(t.ProductId, t.StartSecond, t.EndSecond)).ToList()))
            .ToListAsync(cancellationToken);

        var productIds = rows.SelectMany(r => r.Tags).Select(t => t.ProductId).Distinct().ToList();
        var products = productIds.Count == 0
            ? []
            : await db.ListedProducts()
                .Where(x => productIds.Contains(x.Product.Id))
                .Select(x => new TaggedProduct(x.Product.Id, x.Product.Title, x.Product.Slug, x.Seller.Slug, x.Product.Price.Amount, x.Product.Price.Currency, x.Product.UnitLabel, x.Product.Stock))
                .ToDictionaryAsync(p => p.Id, cancellationToken);

        return [.. rows
            .Where(r => r.MasterPlaylistKey is not null && r.Mp4FallbackKey is not null)
            .Select(r => new Player(
                new VideoPlayerView(
                    r.Id,
                    r.Title,
                    VideoUrls.Media(r.Mp4FallbackKey!),
                    VideoUrls.Media(r.MasterPlaylistKey!),
                    r.PosterKey is null ? null : VideoUrls.Media(r.PosterKey),
                    r.CaptionsKey is null ? null : VideoUrls.Media(r.CaptionsKey),
                    r.Width,
                    r.Height,
                    r.DurationSeconds,
                    [.. r.Tags
                        .Where(t => products.ContainsKey(t.ProductId))
                        .OrderBy(t => t.StartSecond)
                        .Select(t =>
                        {
                            var p = products[t.ProductId];
                            return new VideoTagView(p.Id, p.Title, StorefrontUrls.Product(p.SellerSlug, p.Slug), new Money(p.PriceAmount, p.PriceCurrency), p.UnitLabel, p.Stock, t.StartSecond, t.EndSecond);
                        })]),
                r.Description,
                r.SellerId,
                r.SellerName,
                r.SellerSlug,
                r.Region is null ? r.Town : $"{r.Town}, {r.Region}",
                r.Latitude,
                r.Longitude))];
    }

    /// <summary>Poster cards for an ordered, already paged query of videos: one SQL command.</summary>
    public async Task<IReadOnlyList<VideoCardView>> CardsAsync(IQueryable<ListedVideo> videos, CancellationToken cancellationToken) =>
        await videos
            .Select(x => new VideoCardView(
                x.Video.Id,
                x.Video.Title,
                x.Seller.Name,
                x.Seller.Slug,
                x.Video.PosterKey == null ? null : "/media/" + x.Video.PosterKey,
                x.Video.DurationSeconds))
            .ToListAsync(cancellationToken);
}
