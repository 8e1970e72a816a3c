using System.Linq.Expressions;
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
/// that shows them shares. Players cost one SQL command whatever their number (the videos, their tags and the tagged
/// products still for sale); cards cost one.
/// </summary>
public sealed class StorefrontVideos(RuralMarketDbContext db)
{
    /// <summary>A tag with the columns of the listed product it points at.</summary>
    private sealed record TagRow(int StartSecond, int? EndSecond, Guid ProductId, string Title, string Slug, string SellerSlug, long PriceAmount, string PriceCurrency, string UnitLabel, int Stock);

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

    public sealed record Player(VideoPlayerView View, string Description, Guid SellerId, string SellerName, string SellerSlug, string Place, double Latitude, double Longitude);

    /// <summary>A poster card's columns (usable inside a compiled query: it reads nothing but the listed video).</summary>
    public static readonly Expression<Func<ListedVideo, VideoCardView>> CardColumns = x => new VideoCardView(
        x.Video.Id,
        x.Video.Title,
        x.Seller.Name,
        x.Seller.Slug,
        x.Video.PosterKey == null ? null : "/media/" + x.Video.PosterKey,
        x.Video.DurationSeconds);

    public IQueryable<ListedVideo> Listed() => db.ListedVideos();

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

    /// <summary>
    /// A player's columns: the video, its seller, and its tags joined to the products they point at that are still
    /// for sale (a tag on a product since hidden or sold by a suspended seller drops out). The first parameter stands
    /// for the context the query runs on, bound by the two ways to read players below.
    /// </summary>
    private static readonly Expression<Func<RuralMarketDbContext, ListedVideo, PlayerRow>> PlayerColumns = (db, x) => new PlayerRow(
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
        x.Video.ProductTags
            .Join(db.ListedProducts(), t => t.ProductId, p => p.Product.Id, (t, p) => new TagRow(
                t.StartSecond,
                t.EndSecond,
                p.Product.Id,
                p.Product.Title,
                p.Product.Slug,
                p.Seller.Slug,
                p.Product.Price.Amount,
                p.Product.Price.Currency,
                p.Product.UnitLabel,
                p.Product.Stock))
            .ToList());

    // The product page's players, compiled once: it is a hot, uncached page for signed-in buyers, and building and
    // funcletizing this query's expression tree cost more than running it (perf, 100k-product bench catalog).
    // The count is a parameter, not a constant: see StorefrontCatalog.Cards. The newest-first ordering is written out
    // because a compiled query cannot call Newest().
    private static readonly CompiledQuery<Func<RuralMarketDbContext, Guid, int, IAsyncEnumerable<PlayerRow>>> NewestTagging = new(() =>
        EF.CompileAsyncQuery(Players((RuralMarketDbContext db, Guid productId, int take) =>
            db.ListedVideos()
                .Where(x => x.Video.ProductTags.Any(t => t.ProductId == productId))
                .OrderByDescending(x => x.Video.PublishedAt).ThenByDescending(x => x.Video.Id)
                .Take(take))));

    /// <summary>
    /// Reads players for an ordered, already paged query of videos: one SQL command, whatever their number.
    /// </summary>
    public async Task<IReadOnlyList<Player>> PlayersAsync(IQueryable<ListedVideo> videos, CancellationToken cancellationToken) =>
        ToPlayers(await videos.Select(PlayerColumns.Bind(Expression.Constant(db, typeof(RuralMarketDbContext)))).ToListAsync(cancellationToken));

    /// <summary>The newest videos that tag a product, as players: one SQL command (compiled).</summary>
    public async Task<IReadOnlyList<Player>> TaggingAsync(Guid productId, int count, CancellationToken cancellationToken)
    {
        var rows = new List<PlayerRow>(count);
        await foreach (var row in NewestTagging.For(db)(db, productId, count).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return ToPlayers(rows);
    }

    /// <summary>The player query for a compiled query: <paramref name="listed"/> orders and pages the videos, this adds the player columns.</summary>
    private static Expression<Func<RuralMarketDbContext, TArg1, TArg2, IQueryable<PlayerRow>>> Players<TArg1, TArg2>(
        Expression<Func<RuralMarketDbContext, TArg1, TArg2, IQueryable<ListedVideo>>> listed) =>
        QueryExpressions.ThenSelect<Func<RuralMarketDbContext, TArg1, TArg2, IQueryable<PlayerRow>>, RuralMarketDbContext, ListedVideo, PlayerRow>(
            listed, PlayerColumns);

    private static List<Player> ToPlayers(List<PlayerRow> rows) =>
        [.. rows
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
                        .OrderBy(t => t.StartSecond)
                        .Select(t => new VideoTagView(
                            t.ProductId,
                            t.Title,
                            StorefrontUrls.Product(t.SellerSlug, t.Slug),
                            new Money(t.PriceAmount, t.PriceCurrency),
                            t.UnitLabel,
                            t.Stock,
                            t.StartSecond,
                            t.EndSecond))]),
                r.Description,
                r.SellerId,
                r.SellerName,
                r.SellerSlug,
                r.Region is null ? r.Town : $"{r.Town}, {r.Region}",
                r.Latitude,
                r.Longitude))];

    /// <summary>Poster cards for an ordered, already paged query of videos: one SQL command.</summary>
    public async Task<IReadOnlyList<VideoCardView>> CardsAsync(IQueryable<ListedVideo> videos, CancellationToken cancellationToken) =>
        await videos.Select(CardColumns).ToListAsync(cancellationToken);
}

public static class StorefrontVideoQueries
{
    /// <summary>The videos buyers may watch, as a query any page (or compiled query) can start from.</summary>
    public static IQueryable<ListedVideo> ListedVideos(this RuralMarketDbContext db) =>
        db.Videos.AsNoTracking()
            .Where(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible)
            .Join(
                db.Sellers.AsNoTracking().Where(s => s.Status == SellerStatus.Approved),
                v => v.SellerId,
                s => s.Id,
                (v, s) => new ListedVideo { Video = v, Seller = s });
}
