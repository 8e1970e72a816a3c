using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Web.Features.Watch;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.Categories;
using RuralMarket.Web.Pages.NearMe;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Sellers;

/// <summary>
/// A seller's shop: their story, where they are, how buyers get their goods, and their products a page at a
/// time. Three SQL commands: the seller, the product count, the page of products.
/// </summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class ShowModel(RuralMarketDbContext db, SellerStories stories) : PageModel
{
    private const int VideosShown = 6;

    /// <summary>The seller's columns the page shows, as scalars (an owned type projected whole reads the whole row).</summary>
    public sealed record SellerProfile(Guid Id, int Version, string Name, string Slug, string Story, string Town, string? Region, double Latitude, double Longitude, SellerTerms Terms)
    {
        public string Place => Region is null ? Town : $"{Town}, {Region}";
    }

    /// <summary>How far the seller is from where the buyer said they are, and whether their local delivery reaches them.</summary>
    public sealed record BuyerDistance(double Km, bool DeliversToBuyer);

    // The page's four reads, compiled once: a seller page is a hot, uncached page for signed-in buyers, and building
    // and funcletizing these expression trees was about a quarter of its CPU time (perf, 100k-product bench catalog).
    private static readonly CompiledQuery<Func<RuralMarketDbContext, string, CancellationToken, Task<SellerProfile?>>> FindSeller = new(() =>
        EF.CompileAsyncQuery((RuralMarketDbContext db, string sellerSlug, CancellationToken cancellationToken) =>
            db.Sellers.AsNoTracking()
                .Where(s => s.Slug == sellerSlug && s.Status == SellerStatus.Approved)
                .Select(s => new SellerProfile(
                    s.Id,
                    s.Version,
                    s.Name,
                    s.Slug,
                    s.Story,
                    s.Location.Town,
                    s.Location.Region,
                    s.Location.Latitude,
                    s.Location.Longitude,
                    new SellerTerms(
                        s.Fulfilment.OffersShipping,
                        s.Fulfilment.ShippingFee.Amount,
                        s.Fulfilment.FreeShippingOver.Amount,
                        s.Fulfilment.OffersLocalDelivery,
                        s.Fulfilment.DeliveryRadiusKm,
                        s.Fulfilment.LocalDeliveryFee.Amount,
                        s.Fulfilment.OffersPickup,
                        s.Fulfilment.PickupAddress,
                        s.Fulfilment.PickupHours,
                        s.Fulfilment.PickupInstructions,
                        s.Fulfilment.ShippingFee.Currency)))
                .FirstOrDefault()));

    private static readonly CompiledQuery<Func<RuralMarketDbContext, Guid, CancellationToken, Task<int>>> CountProducts = new(() =>
        EF.CompileAsyncQuery((RuralMarketDbContext db, Guid sellerId, CancellationToken cancellationToken) =>
            db.ListedProducts().Count(x => x.Product.SellerId == sellerId)));

    // Page sizes are parameters, not constants: see StorefrontCatalog.Cards. The newest-first orderings are written
    // out because a compiled query cannot call the Newest() helpers.
    private static readonly CompiledQuery<Func<RuralMarketDbContext, Guid, int, int, IAsyncEnumerable<ProductCardRow>>> NewestProducts = new(() =>
        EF.CompileAsyncQuery(StorefrontCatalog.Cards((RuralMarketDbContext db, Guid sellerId, int skip, int take) =>
            db.ListedProducts()
                .Where(x => x.Product.SellerId == sellerId)
                .OrderByDescending(x => x.Product.CreatedAt).ThenByDescending(x => x.Product.Id)
                .Skip(skip)
                .Take(take))));

    private static readonly CompiledQuery<Func<RuralMarketDbContext, Guid, int, IAsyncEnumerable<VideoCardView>>> NewestVideos = new(() =>
        EF.CompileAsyncQuery((RuralMarketDbContext db, Guid sellerId, int take) =>
            db.ListedVideos()
                .Where(x => x.Video.SellerId == sellerId)
                .OrderByDescending(x => x.Video.PublishedAt).ThenByDescending(x => x.Video.Id)
                .Take(take)
                .Select(StorefrontVideos.CardColumns)));

    public SellerProfile Seller { get; private set; } = null!;

    /// <summary>The story as sanitized HTML (safe to write raw) and as a plain-text summary.</summary>
    public SellerStory Story { get; private set; } = new("", "");

    public IReadOnlyList<ProductCardView> Products { get; private set; } = [];

    /// <summary>Null until the buyer tells us where they are (Near me).</summary>
    public BuyerDistance? Distance { get; private set; }

    public PageLinks Pages { get; private set; } = null!;

    /// <summary>Their newest videos (first page only) and the follow button: one more SQL command, two for a signed-in visitor.</summary>
    public IReadOnlyList<VideoCardView> Videos { get; private set; } = [];

    public Watch.FollowButton Follow { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string sellerSlug, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var seller = await FindSeller.For(db)(db, sellerSlug, cancellationToken);
        if (seller is null)
        {
            return NotFound();
        }

        var pageNumber = page ?? 1;
        var total = await CountProducts.For(db)(db, seller.Id, cancellationToken);
        if (!PageLinks.IsReachable(pageNumber, total, StorefrontCatalog.PageSize))
        {
            return NotFound();
        }

        Seller = seller;
        Story = stories.For(seller.Id, seller.Version, seller.Story);
        if (BuyerLocation.From(HttpContext) is { } buyer)
        {
            var km = buyer.DistanceKmTo(seller.Latitude, seller.Longitude);
            Distance = new BuyerDistance(km, NearbySellers.DeliversTo(seller.Terms.OffersLocalDelivery, seller.Terms.DeliveryRadiusKm, km));
        }

        Pages = new PageLinks(StorefrontUrls.Seller(seller.Slug), pageNumber, total, StorefrontCatalog.PageSize);
        Products = await NewestProducts.For(db)(db, seller.Id, Pages.Skip, StorefrontCatalog.PageSize).ToCardsAsync(cancellationToken);
        Follow = await Watch.FollowButton.ForAsync(HttpContext, db, seller.Id, seller.Name, cancellationToken);
        if (pageNumber == 1)
        {
            Videos = await NewestVideos.For(db)(db, seller.Id, VideosShown).ToListAsync(cancellationToken);
        }

        return Page();
    }
}
