using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Sellers;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Products;

/// <summary>One product with its seller and how to get it. One SQL command (product, seller and images together).</summary>
public sealed class ShowModel(RuralMarketDbContext db) : PageModel
{
    public sealed record ImageView(string StorageKey, string AltText);

    public sealed record ProductDetails(
        Guid Id,
        string Title,
        string Slug,
        string Description,
        int CategoryId,
        Money Price,
        string UnitLabel,
        int Stock,
        bool IsPerishable,
        SeasonWindow Season,
        FulfilmentMethod AllowedFulfilment,
        DateTime UpdatedAt,
        IReadOnlyList<ImageView> Images,
        bool HasVideo,
        string SellerName,
        string SellerSlug,
        SellerLocation SellerLocation,
        FulfilmentOptions SellerFulfilment);

    public ProductDetails Product { get; private set; } = null!;

    public StockState StockState => StockStates.Of(Product.Stock);

    public Category? Category => StorefrontUrls.FindCategory(Product.CategoryId);

    public FulfilmentTerms Fulfilment => new(Product.SellerFulfilment, Product.SellerLocation.Town, Product.AllowedFulfilment);

    public string SellerPlace => Product.SellerLocation.Region is null
        ? Product.SellerLocation.Town
        : $"{Product.SellerLocation.Town}, {Product.SellerLocation.Region}";

    public async Task<IActionResult> OnGetAsync(string sellerSlug, string productSlug, CancellationToken cancellationToken)
    {
        var product = await db.ListedProducts()
            .Where(x => x.Seller.Slug == sellerSlug && x.Product.Slug == productSlug)
            .Select(x => new ProductDetails(
                x.Product.Id,
                x.Product.Title,
                x.Product.Slug,
                x.Product.Description,
                x.Product.CategoryId,
                x.Product.Price,
                x.Product.UnitLabel,
                x.Product.Stock,
                x.Product.IsPerishable,
                x.Product.Season,
                x.Product.AllowedFulfilment,
                x.Product.UpdatedAt,
                x.Product.Images.OrderBy(i => i.SortOrder).Select(i => new ImageView(i.StorageKey, i.AltText)).ToList(),
                db.Videos.Any(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
                    && v.ProductTags.Any(t => t.ProductId == x.Product.Id)),
                x.Seller.Name,
                x.Seller.Slug,
                x.Seller.Location,
                x.Seller.Fulfilment))
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Product = product;
        return Page();
    }

    /// <summary>"All year", "September to November".</summary>
    public static string DescribeSeason(SeasonWindow season) => season.IsAllYear
        ? "All year"
        : season.StartMonth == season.EndMonth
            ? MonthName(season.StartMonth)
            : $"{MonthName(season.StartMonth)} to {MonthName(season.EndMonth)}";

    /// <summary>Images live in media storage and are served under /media/.</summary>
    public static string MediaUrl(string storageKey) => "/media/" + storageKey.TrimStart('/');

    private static string MonthName(int month) =>
        System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
}
