using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.Sellers;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Products;

/// <summary>
/// One product with its seller and how to get it: one SQL command (product, seller and photos together), plus the
/// videos that tag it when there are any (one more: the videos with their tags and the tagged products).
/// </summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class ShowModel(RuralMarketDbContext db, Features.Watch.StorefrontVideos videos) : PageModel
{
    private const int VideosShown = 3;

    public sealed record ImageView(string StorageKey, string AltText);

    /// <summary>What the page shows, all scalar columns: no owned type is projected whole, so EF reads only these.</summary>
    public sealed record ProductDetails(
        Guid Id,
        string Title,
        string Slug,
        string Description,
        int CategoryId,
        long PriceAmount,
        string PriceCurrency,
        string UnitLabel,
        int Stock,
        bool IsPerishable,
        int SeasonStartMonth,
        int SeasonEndMonth,
        FulfilmentMethod AllowedFulfilment,
        IReadOnlyList<ImageView> Images,
        bool HasVideo,
        string SellerName,
        string SellerSlug,
        string SellerTown,
        string? SellerRegion,
        SellerTerms SellerTerms)
    {
        public Money Price => new(PriceAmount, PriceCurrency);

        public SeasonWindow Season => new(SeasonStartMonth, SeasonEndMonth);
    }

    /// <summary>One row of the product query: the product's details, repeated for each of its photos (none: one row without).</summary>
    private sealed record ProductPhotoRow(ProductDetails Details, string? StorageKey, string? AltText, int SortOrder);

    // Compiled once: otherwise this projection's expression tree is built and funcletized on every request
    // (about a third of the product page's allocations, measured with dotnet-trace's gc-verbose profile).
    // Flat rows, one per photo, rather than a photo list in the projection: EF's collection shaper made a new
    // delegate on every call (4% of the page's CPU in perf), and this is the same LEFT JOIN either way.
    private static readonly CompiledQuery<Func<RuralMarketDbContext, string, string, IAsyncEnumerable<ProductPhotoRow>>> FindProduct = new(() =>
        EF.CompileAsyncQuery((RuralMarketDbContext db, string sellerSlug, string productSlug) =>
            // Seller slugs are unique, and product slugs unique within a seller: at most one product matches.
            from x in db.ListedProducts().Where(x => x.Seller.Slug == sellerSlug && x.Product.Slug == productSlug)
            from image in x.Product.Images.DefaultIfEmpty()
            select new ProductPhotoRow(
                new ProductDetails(
                    x.Product.Id,
                    x.Product.Title,
                    x.Product.Slug,
                    x.Product.Description,
                    x.Product.CategoryId,
                    x.Product.Price.Amount,
                    x.Product.Price.Currency,
                    x.Product.UnitLabel,
                    x.Product.Stock,
                    x.Product.IsPerishable,
                    x.Product.Season.StartMonth,
                    x.Product.Season.EndMonth,
                    x.Product.AllowedFulfilment,
                    Array.Empty<ImageView>(),
                    db.Videos.Any(v => v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible
                        && v.ProductTags.Any(t => t.ProductId == x.Product.Id)),
                    x.Seller.Name,
                    x.Seller.Slug,
                    x.Seller.Location.Town,
                    x.Seller.Location.Region,
                    new SellerTerms(
                        x.Seller.Fulfilment.OffersShipping,
                        x.Seller.Fulfilment.ShippingFee.Amount,
                        x.Seller.Fulfilment.FreeShippingOver.Amount,
                        x.Seller.Fulfilment.OffersLocalDelivery,
                        x.Seller.Fulfilment.DeliveryRadiusKm,
                        x.Seller.Fulfilment.LocalDeliveryFee.Amount,
                        x.Seller.Fulfilment.OffersPickup,
                        x.Seller.Fulfilment.PickupAddress,
                        x.Seller.Fulfilment.PickupHours,
                        x.Seller.Fulfilment.PickupInstructions,
                        x.Seller.Fulfilment.ShippingFee.Currency)),
                image == null ? null : image.StorageKey,
                image == null ? null : image.AltText,
                image == null ? 0 : image.SortOrder)));

    public ProductDetails Product { get; private set; } = null!;

    /// <summary>Videos that show this product, newest first (the first gets the full player).</summary>
    public IReadOnlyList<Features.Watch.VideoPlayerView> Videos { get; private set; } = [];

    public StockState StockState => StockStates.Of(Product.Stock);

    public Category? Category => StorefrontUrls.FindCategory(Product.CategoryId);

    public FulfilmentTerms Fulfilment => new(Product.SellerTerms, Product.SellerTown, Product.AllowedFulfilment);

    public string SellerPlace => Product.SellerRegion is null ? Product.SellerTown : $"{Product.SellerTown}, {Product.SellerRegion}";

    // The handler takes no parameters: it reads the two slugs from the route itself. Model binding them (value
    // providers, binders, validation of two strings) was 3.5% of this hot page's CPU (perf, 100k-product bench catalog).
    public async Task<IActionResult> OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var product = await ReadProductAsync(RouteSlug("sellerSlug"), RouteSlug("productSlug"), cancellationToken);
        if (product is null)
        {
            return NotFound();
        }

        Product = product;
        if (product.HasVideo)
        {
            var players = await videos.TaggingAsync(product.Id, VideosShown, cancellationToken);
            Videos = [.. players.Select((p, i) => p.View with { Lazy = i > 0, HeadingLevel = 3 })];
        }

        return Page();
    }

    /// <summary>A route value of this page's template, which always has both slugs.</summary>
    private string RouteSlug(string name) => (string)RouteData.Values[name]!;

    private async Task<ProductDetails?> ReadProductAsync(string sellerSlug, string productSlug, CancellationToken cancellationToken)
    {
        ProductDetails? details = null;
        List<ProductPhotoRow> photos = [];
        await foreach (var row in FindProduct.For(db)(db, sellerSlug, productSlug).WithCancellation(cancellationToken))
        {
            details ??= row.Details;
            if (row.StorageKey is not null)
            {
                photos.Add(row);
            }
        }

        return details is null
            ? null
            : details with { Images = [.. photos.OrderBy(p => p.SortOrder).Select(p => new ImageView(p.StorageKey!, p.AltText!))] };
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
