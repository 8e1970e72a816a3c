using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages;

public sealed class IndexModel(RuralMarketDbContext db, TimeProvider clock) : PageModel
{
    private const int ProductsShown = 24;

    public sealed record SellerCard(string Name, string Slug, string Town, string? Region, bool OffersPickup, bool OffersLocalDelivery, bool OffersShipping, int ProductCount);

    public IReadOnlyList<ProductCardView> InSeason { get; private set; } = [];

    public IReadOnlyList<SellerCard> Sellers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var month = clock.GetUtcNow().Month;

        // In season: all-year products, windows that contain this month, and windows that wrap over the new year.
        var products = await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .Where(p => p.Season.StartMonth == 0
                || (p.Season.StartMonth <= p.Season.EndMonth && p.Season.StartMonth <= month && month <= p.Season.EndMonth)
                || (p.Season.StartMonth > p.Season.EndMonth && (month >= p.Season.StartMonth || month <= p.Season.EndMonth)))
            .Join(db.Sellers.Where(s => s.Status == SellerStatus.Approved), p => p.SellerId, s => s.Id, (p, s) => new { p, s })
            .OrderByDescending(x => x.p.Stock > 0).ThenByDescending(x => x.p.Season.StartMonth != 0).ThenByDescending(x => x.p.CreatedAt)
            .Take(ProductsShown)
            .Select(x => new { x.p.Title, x.p.Slug, SellerSlug = x.s.Slug, SellerName = x.s.Name, x.s.Location.Town, x.s.Location.Region, x.p.Price, x.p.UnitLabel, x.p.Stock, x.p.CategoryId })
            .ToListAsync(cancellationToken);
        InSeason = products
            .Select(p => ProductCardView.For(p.Title, p.Slug, p.SellerName, p.SellerSlug, p.Town, p.Region, p.Price, p.UnitLabel, p.Stock, p.CategoryId))
            .ToList();

        Sellers = await db.Sellers.AsNoTracking()
            .Where(s => s.Status == SellerStatus.Approved)
            .OrderBy(s => s.Name)
            .Select(s => new SellerCard(
                s.Name, s.Slug, s.Location.Town, s.Location.Region,
                s.Fulfilment.OffersPickup, s.Fulfilment.OffersLocalDelivery, s.Fulfilment.OffersShipping,
                db.Products.Count(p => p.SellerId == s.Id && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)))
            .ToListAsync(cancellationToken);
    }
}
