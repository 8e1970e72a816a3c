using System.Linq.Expressions;
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

    /// <summary>
    /// A card's columns: the video flag and the first photo are correlated subqueries, so a page of cards is one
    /// command. The first parameter stands for the context the query runs on, bound by the two ways to read cards below.
    /// </summary>
    private static readonly Expression<Func<RuralMarketDbContext, ListedProduct, ProductCardRow>> CardColumns = (db, x) => new ProductCardRow(
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
        x.Product.Images.OrderBy(i => i.SortOrder).Select(i => i.StorageKey).FirstOrDefault());

    /// <summary>A page of cards from an ordered, already paged query.</summary>
    public static async Task<IReadOnlyList<ProductCardView>> ToCardsAsync(this IQueryable<ListedProduct> products, RuralMarketDbContext db, CancellationToken cancellationToken)
    {
        var rows = await products.Select(CardColumns.Bind(Expression.Constant(db, typeof(RuralMarketDbContext)))).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToView())];
    }

    /// <summary>
    /// The card query for a compiled query: <paramref name="listed"/> orders and pages the listed products, this
    /// adds the card columns on the same context parameter. Compile the result with <c>EF.CompileAsyncQuery</c>.
    /// Pass the page size as a parameter, not a constant: PostgreSQL then settles on one generic plan for the
    /// prepared statement, where a constant LIMIT had it plan the query again on every call.
    /// </summary>
    public static Expression<Func<RuralMarketDbContext, TArg1, TArg2, TArg3, IQueryable<ProductCardRow>>> Cards<TArg1, TArg2, TArg3>(
        Expression<Func<RuralMarketDbContext, TArg1, TArg2, TArg3, IQueryable<ListedProduct>>> listed) =>
        QueryExpressions.ThenSelect<Func<RuralMarketDbContext, TArg1, TArg2, TArg3, IQueryable<ProductCardRow>>, RuralMarketDbContext, ListedProduct, ProductCardRow>(
            listed, CardColumns);

    /// <summary>Runs a compiled card query and makes the views.</summary>
    public static async Task<IReadOnlyList<ProductCardView>> ToCardsAsync(this IAsyncEnumerable<ProductCardRow> rows, CancellationToken cancellationToken)
    {
        var cards = new List<ProductCardView>(PageSize);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            cards.Add(row.ToView());
        }

        return cards;
    }
}
