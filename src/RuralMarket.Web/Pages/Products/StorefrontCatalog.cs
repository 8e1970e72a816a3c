using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Products;

/// <summary>A product the storefront may show, with its seller.</summary>
public sealed class ListedProduct
{
    public required Product Product { get; init; }

    public required Seller Seller { get; init; }
}

/// <summary>The columns a product card needs, read in one query (scalars only: projecting <c>Money</c> whole reads the whole row).</summary>
public sealed record ProductCardRow(
    string Title,
    string Slug,
    string SellerName,
    string SellerSlug,
    string Town,
    string? Region,
    long PriceAmount,
    string PriceCurrency,
    string UnitLabel,
    int Stock,
    int CategoryId,
    bool HasVideo,
    string? CoverImageKey)
{
    public ProductCardView ToView() =>
        ProductCardView.For(Title, Slug, SellerName, SellerSlug, Town, Region, new Money(PriceAmount, PriceCurrency), UnitLabel, Stock, CategoryId, HasVideo, coverImageKey: CoverImageKey);
}

/// <summary>
/// What buyers may see: active, visible products of approved sellers. Every storefront query starts here so
/// a suspended seller or a hidden product disappears everywhere at once.
/// </summary>
public static class StorefrontCatalog
{
    public const int PageSize = 24;

    public static IQueryable<ListedProduct> ListedProducts(this RuralMarketDbContext db) =>
        db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .Join(
                db.Sellers.AsNoTracking().Where(s => s.Status == SellerStatus.Approved),
                p => p.SellerId,
                s => s.Id,
                (p, s) => new ListedProduct { Product = p, Seller = s });

    public static IQueryable<ListedProduct> Newest(this IQueryable<ListedProduct> products) =>
        products.OrderByDescending(x => x.Product.CreatedAt).ThenByDescending(x => x.Product.Id);

    /// <summary>Reads a page of cards; the video flag and the first photo are correlated subqueries, so it is still one command.</summary>
    public static async Task<IReadOnlyList<ProductCardView>> ToCardsAsync(this IQueryable<ListedProduct> products, RuralMarketDbContext db, CancellationToken cancellationToken)
    {
        var rows = await products
            .Select(x => new ProductCardRow(
                x.Product.Title,
                x.Product.Slug,
                x.Seller.Name,
                x.Seller.Slug,
                x.Seller.Location.Town,
                x.Seller.Location.Region,
                x.Product.Price.Amount,
                x.Product.Price.Currency,
                x.Product.UnitLabel,
                x.Product.Stock,
                x.Product.CategoryId,
                db.Videos.Any(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
                    && v.ProductTags.Any(t => t.ProductId == x.Product.Id)),
                x.Product.Images.OrderBy(i => i.SortOrder).Select(i => i.StorageKey).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToView())];
    }
}
