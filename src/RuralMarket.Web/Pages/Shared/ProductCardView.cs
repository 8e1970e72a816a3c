using RuralMarket.Domain.Common;

namespace RuralMarket.Web.Pages.Shared;

/// <summary>
/// What a product card shows, wherever products are listed (home, category, seller, search).
/// Build it from a projection; lists render it with <c>_ProductGrid.cshtml</c>.
/// </summary>
public sealed record ProductCardView(
    string Title,
    string Url,
    string SellerName,
    string SellerUrl,
    string Town,
    string? Region,
    Money Price,
    string UnitLabel,
    int Stock,
    string CategoryName,
    bool HasVideo = false,
    double? DistanceKm = null,
    string? CoverImageKey = null,
    bool DeliversToBuyer = false)
{
    /// <summary>At or below this many units the card says "Only N left".</summary>
    public const int LowStockThreshold = 5;

    public StockState StockState => StockStates.Of(Stock);

    public string Place => string.IsNullOrEmpty(Region) ? Town : $"{Town}, {Region}";

    /// <summary>A card for a product of a seller, with the storefront's addresses filled in.</summary>
    public static ProductCardView For(
        string title,
        string productSlug,
        string sellerName,
        string sellerSlug,
        string town,
        string? region,
        Money price,
        string unitLabel,
        int stock,
        int categoryId,
        bool hasVideo = false,
        double? distanceKm = null,
        string? coverImageKey = null,
        bool deliversToBuyer = false) =>
        new(
            title,
            StorefrontUrls.Product(sellerSlug, productSlug),
            sellerName,
            StorefrontUrls.Seller(sellerSlug),
            town,
            region,
            price,
            unitLabel,
            stock,
            StorefrontUrls.CategoryName(categoryId),
            hasVideo,
            distanceKm,
            coverImageKey,
            deliversToBuyer);
}
