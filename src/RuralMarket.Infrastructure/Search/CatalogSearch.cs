using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Geo;

namespace RuralMarket.Infrastructure.Search;

/// <summary>
/// Filters, sorts and pages the storefront's products; the providers only differ in how words match
/// (<see cref="Match"/>). A search runs 2 SQL commands (count as far as the pager needs, page); when fewer than <see cref="LooseMatchBelow"/>
/// products match the words exactly, a looser, typo-tolerant match is counted too (and the exact matches' ids read
/// first when there are any), at most 4.
/// </summary>
public abstract class CatalogSearch(RuralMarketDbContext db, TimeProvider clock) : ICatalogSearch
{
    public const int PageSize = 24;

    /// <summary>Deep pages are clamped; nobody pages through 10,000 products on a phone.</summary>
    public const int MaxPage = 400;

    public const int MaxTextLength = 200;

    /// <summary>With fewer exact matches than this, the looser match is tried too.</summary>
    public const int LooseMatchBelow = 3;

    protected RuralMarketDbContext Db => db;

    public async Task<CatalogSearchResults> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken)
    {
        var text = CleanText(query.Text);
        var sort = EffectiveSort(query, text);
        var rows = Rows(query, text, null);
        var cap = CountCaps.For(Math.Min(query.Page, MaxPage), PageSize);
        var total = await CountAsync(rows, cap, cancellationToken);
        var loose = false;
        if (text is not null && total < LooseMatchBelow)
        {
            var exact = total == 0 ? [] : await rows.Select(r => r.Product.Id).ToListAsync(cancellationToken);
            var looser = Rows(query, text, exact);
            var looserTotal = await CountAsync(looser, cap, cancellationToken);
            if (looserTotal > total)
            {
                (rows, total, loose) = (looser, looserTotal, true);
            }
        }

        var moreBeyond = total > cap;
        total = Math.Min(total, cap);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, Math.Min(pageCount, MaxPage));
        if (total == 0)
        {
            return new CatalogSearchResults([], 0, 1, PageSize, sort, loose);
        }

        var found = await Sorted(rows, sort)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(r => new
            {
                r.Product.Id,
                r.Product.Title,
                r.Product.Slug,
                SellerName = r.Seller.Name,
                SellerSlug = r.Seller.Slug,
                r.Seller.Location.Town,
                r.Seller.Location.Region,
                r.Seller.Location.Latitude,
                r.Seller.Location.Longitude,
                r.Seller.Fulfilment.OffersLocalDelivery,
                r.Seller.Fulfilment.DeliveryRadiusKm,
                r.Product.Price,
                r.Product.UnitLabel,
                r.Product.Stock,
                r.Product.CategoryId,
                r.Product.CreatedAt,
                HasVideo = db.Videos.Any(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
                    && (v.SellerId == r.Seller.Id || v.ProductTags.Any(t => t.ProductId == r.Product.Id))),
                CoverImageKey = r.Product.Images.OrderBy(i => i.SortOrder).Select(i => i.StorageKey).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var items = found.Select(r =>
        {
            var distance = query.Origin is { } origin ? new GeoPoint(r.Latitude, r.Longitude).DistanceKmTo(origin) : (double?)null;
            return new CatalogSearchHit(
                r.Id, r.Title, r.Slug, r.SellerName, r.SellerSlug, r.Town, r.Region, r.Price, r.UnitLabel, r.Stock, r.CategoryId, r.CreatedAt,
                r.HasVideo, distance, distance is { } km && NearbySellers.DeliversTo(r.OffersLocalDelivery, r.DeliveryRadiusKm, km), r.CoverImageKey);
        }).ToList();
        return new CatalogSearchResults(items, total, page, PageSize, sort, loose, moreBeyond);
    }

    /// <summary>
    /// The matches counted up to <paramref name="cap"/> + 1 (<see cref="CountCaps"/>): the database stops there instead
    /// of visiting every product a common word matches. Ordered by the status the rows are filtered on, a no-op for
    /// the database, so EF sees an ordered Take.
    /// </summary>
    private static Task<int> CountAsync(IQueryable<SearchRow> rows, int cap, CancellationToken cancellationToken) =>
        rows.OrderBy(r => r.Product.Status).Select(r => r.Product.Id).Take(cap + 1).CountAsync(cancellationToken);

    /// <summary>The products whose words match, scored; higher scores are better matches.</summary>
    /// <param name="looselyKeeping">
    /// Null for the exact match. Otherwise tolerate typos (a second try when the exact match finds little), and keep
    /// these exact matches among the results.
    /// </param>
    protected abstract IQueryable<ScoredProduct> Match(IQueryable<Product> products, string text, IReadOnlyCollection<Guid>? looselyKeeping);

    /// <summary>Trimmed and shortened; null when there is no letter or digit to search for.</summary>
    public static string? CleanText(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Any(char.IsLetterOrDigit))
        {
            return null;
        }

        return trimmed.Length > MaxTextLength ? trimmed[..MaxTextLength] : trimmed;
    }

    private static CatalogSort EffectiveSort(CatalogSearchQuery query, string? text)
    {
        var fallback = text is null ? CatalogSort.Newest : CatalogSort.Relevance;
        return query.Sort switch
        {
            null => fallback,
            CatalogSort.Relevance when text is null => CatalogSort.Newest,
            CatalogSort.Distance when query.Origin is null => fallback,
            { } sort when Enum.IsDefined(sort) => sort,
            _ => fallback,
        };
    }

    private IQueryable<SearchRow> Rows(CatalogSearchQuery query, string? text, IReadOnlyCollection<Guid>? looselyKeeping)
    {
        var products = db.Products.Where(p => p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible);
        var scored = text is null ? products.Select(p => new ScoredProduct { Product = p, Score = 0 }) : Match(products, text, looselyKeeping);
        var sellers = db.Sellers.Where(s => s.Status == SellerStatus.Approved);

        IQueryable<SearchRow> rows;
        if (query.Origin is { } origin)
        {
            var lat = origin.Latitude;
            var lng = origin.Longitude;
            var cosLat = Math.Cos(lat * GeoMath.RadiansPerDegree);
            rows = scored.Join(sellers, x => x.Product.SellerId, s => s.Id, (x, s) => new SearchRow
            {
                Product = x.Product,
                Seller = s,
                Score = x.Score,
                DistanceTerm = (Math.Sin((s.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree) * Math.Sin((s.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree))
                    + (cosLat * Math.Cos(s.Location.Latitude * GeoMath.RadiansPerDegree)
                        * Math.Sin((s.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree) * Math.Sin((s.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree)),
            });
        }
        else
        {
            rows = scored.Join(sellers, x => x.Product.SellerId, s => s.Id, (x, s) => new SearchRow { Product = x.Product, Seller = s, Score = x.Score, DistanceTerm = 0 });
        }

        if (query.CategoryId is { } categoryId)
        {
            rows = rows.Where(r => r.Product.CategoryId == categoryId);
        }

        if (query.MinPrice is { } min and > 0)
        {
            rows = rows.Where(r => r.Product.Price.Amount >= min);
        }

        if (query.MaxPrice is { } max and >= 0)
        {
            rows = rows.Where(r => r.Product.Price.Amount <= max);
        }

        rows = WithFulfilment(rows, query.Fulfilment, query.Origin is not null);

        if (query.Origin is not null && query.WithinKm is { } km and > 0)
        {
            var term = GeoMath.HaversineTermFor(km);
            rows = rows.Where(r => r.DistanceTerm <= term);
        }

        if (query.HasVideo)
        {
            rows = rows.Where(r => db.Videos.Any(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
                && (v.SellerId == r.Seller.Id || v.ProductTags.Any(t => t.ProductId == r.Product.Id))));
        }

        if (query.InSeason)
        {
            // A window may wrap over the new year (November to February): StartMonth > EndMonth.
            var month = clock.GetUtcNow().Month;
            rows = rows.Where(r => r.Product.Season.StartMonth == 0
                || (r.Product.Season.StartMonth <= r.Product.Season.EndMonth && r.Product.Season.StartMonth <= month && month <= r.Product.Season.EndMonth)
                || (r.Product.Season.StartMonth > r.Product.Season.EndMonth && (month >= r.Product.Season.StartMonth || month <= r.Product.Season.EndMonth)));
        }

        return rows;
    }

    private static IQueryable<SearchRow> WithFulfilment(IQueryable<SearchRow> rows, FulfilmentMethod wanted, bool knowsBuyer)
    {
        if (wanted.HasFlag(FulfilmentMethod.Shipping))
        {
            rows = rows.Where(r => (r.Product.AllowedFulfilment & FulfilmentMethod.Shipping) == FulfilmentMethod.Shipping && r.Seller.Fulfilment.OffersShipping);
        }

        if (wanted.HasFlag(FulfilmentMethod.Pickup))
        {
            rows = rows.Where(r => (r.Product.AllowedFulfilment & FulfilmentMethod.Pickup) == FulfilmentMethod.Pickup && r.Seller.Fulfilment.OffersPickup);
        }

        if (wanted.HasFlag(FulfilmentMethod.LocalDelivery))
        {
            rows = rows.Where(r => (r.Product.AllowedFulfilment & FulfilmentMethod.LocalDelivery) == FulfilmentMethod.LocalDelivery && r.Seller.Fulfilment.OffersLocalDelivery);
            if (knowsBuyer)
            {
                // Seller.DeliversTo in SQL: the buyer is within the seller's radius.
                rows = rows.Where(r => r.DistanceTerm
                    <= Math.Sin(r.Seller.Fulfilment.DeliveryRadiusKm / (2 * GeoMath.EarthRadiusKm)) * Math.Sin(r.Seller.Fulfilment.DeliveryRadiusKm / (2 * GeoMath.EarthRadiusKm)));
            }
        }

        return rows;
    }

    private static IQueryable<SearchRow> Sorted(IQueryable<SearchRow> rows, CatalogSort sort) => sort switch
    {
        CatalogSort.Relevance => rows.OrderByDescending(r => r.Score).ThenByDescending(r => r.Product.CreatedAt).ThenBy(r => r.Product.Id),
        CatalogSort.PriceLowToHigh => rows.OrderBy(r => r.Product.Price.Amount).ThenByDescending(r => r.Product.CreatedAt).ThenBy(r => r.Product.Id),
        CatalogSort.PriceHighToLow => rows.OrderByDescending(r => r.Product.Price.Amount).ThenByDescending(r => r.Product.CreatedAt).ThenBy(r => r.Product.Id),
        CatalogSort.Distance => rows.OrderBy(r => r.DistanceTerm).ThenByDescending(r => r.Score).ThenByDescending(r => r.Product.CreatedAt).ThenBy(r => r.Product.Id),
        _ => rows.OrderByDescending(r => r.Product.CreatedAt).ThenBy(r => r.Product.Id),
    };
}
