using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>The seller's products by status, with stock and price. Two SQL commands (tab counts, the list).</summary>
public sealed class IndexModel(RuralMarketDbContext db) : SellerPageModel
{
    public sealed record Row(Guid Id, string Title, string Slug, ProductStatus Status, bool IsHidden, string? HiddenReason, int Stock, Money Price, string UnitLabel, PhotoView? Photo)
    {
        public bool IsOnSale => Status == ProductStatus.Active && !IsHidden;
    }

    public sealed record Tab(string Key, string Label, int Count);

    public string Show { get; private set; } = "all";

    public IReadOnlyList<Tab> Tabs { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(string? show, CancellationToken cancellationToken)
    {
        Show = show is "active" or "draft" or "archived" or "hidden" ? show : "all";
        var sellerId = Seller.Id;
        var counts = await db.Products.AsNoTracking()
            .Where(p => p.SellerId == sellerId)
            .GroupBy(p => new { p.Status, p.Moderation })
            .Select(g => new { g.Key.Status, g.Key.Moderation, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(Func<ProductStatus, ModerationState, bool> match) => counts.Where(c => match(c.Status, c.Moderation)).Sum(c => c.Count);
        var hidden = Count((_, m) => m == ModerationState.Hidden);
        Tabs =
        [
            new("all", "All", Count((_, _) => true)),
            new("active", "On sale", Count((s, _) => s == ProductStatus.Active)),
            new("draft", "Drafts", Count((s, _) => s == ProductStatus.Draft)),
            new("archived", "Archived", Count((s, _) => s == ProductStatus.Archived)),
            .. hidden > 0 || Show == "hidden" ? [new Tab("hidden", "Hidden by moderator", hidden)] : Array.Empty<Tab>(),
        ];

        var query = db.Products.AsNoTracking().Where(p => p.SellerId == sellerId);
        query = Show switch
        {
            "active" => query.Where(p => p.Status == ProductStatus.Active),
            "draft" => query.Where(p => p.Status == ProductStatus.Draft),
            "archived" => query.Where(p => p.Status == ProductStatus.Archived),
            "hidden" => query.Where(p => p.Moderation == ModerationState.Hidden),
            _ => query,
        };
        var rows = await query
            .OrderBy(p => p.Status == ProductStatus.Archived).ThenByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Title, p.Slug, p.Status, p.Moderation, p.HiddenReason, p.Stock, p.Price, p.UnitLabel,
                Photo = p.Images.OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.StorageKey, i.AltText }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        Rows = [.. rows.Select(r => new Row(
            r.Id, r.Title, r.Slug, r.Status, r.Moderation == ModerationState.Hidden, r.HiddenReason, r.Stock, r.Price, r.UnitLabel,
            r.Photo is null ? null : new PhotoView(r.Photo.Id, r.Photo.StorageKey, r.Photo.AltText)))];
    }
}
