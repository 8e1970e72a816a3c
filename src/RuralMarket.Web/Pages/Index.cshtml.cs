using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages;

/// <summary>The storefront's front page: in-season products, latest videos, sellers. Three SQL commands.</summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class IndexModel(RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    private const int ProductsShown = 24;

    /// <summary>How many of the newest in-season listings the home page picks its 24 from.</summary>
    private const int InSeasonCandidates = 500;
    private const int VideosShown = 6;
    private const int SellersShown = 12;

    public sealed record SellerCard(string Name, string Slug, string Town, string? Region, bool OffersPickup, bool OffersLocalDelivery, bool OffersShipping, int ProductCount);

    public sealed record VideoCard(Guid Id, string Title, string SellerName, string SellerSlug, string? PosterKey, double DurationSeconds);

    public IReadOnlyList<ProductCardView> InSeason { get; private set; } = [];

    public IReadOnlyList<VideoCard> LatestVideos { get; private set; } = [];

    public IReadOnlyList<SellerCard> Sellers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var month = clock.GetUtcNow().Month;

        // In season: all-year products, windows that contain this month, and windows that wrap over the new year.
        // Among the newest in-season listings (read newest first along the Status/Moderation/CreatedAt index, so a
        // big catalog is never sorted whole): in stock first, then seasonal before all-year, then newest.
        InSeason = await db.ListedProducts()
            .Where(x => x.Product.Season.StartMonth == 0
                || (x.Product.Season.StartMonth <= x.Product.Season.EndMonth && x.Product.Season.StartMonth <= month && month <= x.Product.Season.EndMonth)
                || (x.Product.Season.StartMonth > x.Product.Season.EndMonth && (month >= x.Product.Season.StartMonth || month <= x.Product.Season.EndMonth)))
            .OrderByDescending(x => x.Product.CreatedAt)
            .Take(InSeasonCandidates)
            .OrderByDescending(x => x.Product.Stock > 0).ThenByDescending(x => x.Product.Season.StartMonth != 0).ThenByDescending(x => x.Product.CreatedAt)
            .Take(ProductsShown)
            .ToCardsAsync(db, cancellationToken);

        LatestVideos = await db.Videos.AsNoTracking()
            .Where(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible)
            .Join(db.Sellers.Where(s => s.Status == SellerStatus.Approved), v => v.SellerId, s => s.Id, (v, s) => new { v, s })
            .OrderByDescending(x => x.v.PublishedAt)
            .Take(VideosShown)
            .Select(x => new VideoCard(x.v.Id, x.v.Title, x.s.Name, x.s.Slug, x.v.PosterKey, x.v.DurationSeconds))
            .ToListAsync(cancellationToken);

        Sellers = await db.Sellers.AsNoTracking()
            .Where(s => s.Status == SellerStatus.Approved)
            .OrderBy(s => s.Name)
            .Take(SellersShown)
            .Select(s => new SellerCard(
                s.Name, s.Slug, s.Location.Town, s.Location.Region,
                s.Fulfilment.OffersPickup, s.Fulfilment.OffersLocalDelivery, s.Fulfilment.OffersShipping,
                db.Products.Count(p => p.SellerId == s.Id && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)))
            .ToListAsync(cancellationToken);
    }
}
