using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Web.Features.SellerProducts;

namespace RuralMarket.Web.Areas.Seller.Pages.Products;

/// <summary>The product as the seller's pages show it around the form.</summary>
public sealed record ProductView(
    Guid Id,
    string Title,
    string Slug,
    ProductStatus Status,
    bool IsHidden,
    string? HiddenReason,
    AppealStatus Appeal,
    DateTime? AppealedAt,
    bool CanAppeal,
    int Version,
    IReadOnlyList<PhotoView> Photos)
{
    public bool CanPublish => Status == ProductStatus.Draft;

    public bool CanUnpublish => Status == ProductStatus.Active;

    public bool CanArchive => Status != ProductStatus.Archived;

    public bool CanRestore => Status == ProductStatus.Archived;

    public bool IsOnSale => Status == ProductStatus.Active && !IsHidden;

    public static ProductView Of(Product product) => new(
        product.Id,
        product.Title,
        product.Slug,
        product.Status,
        product.Moderation == ModerationState.Hidden,
        product.HiddenReason,
        product.Appeal,
        product.AppealedAt,
        product.CanAppeal,
        product.Version,
        [.. product.Images.OrderBy(i => i.SortOrder).Select(i => new PhotoView(i.Id, i.StorageKey, i.AltText))]);
}

/// <summary>A product photo as a thumbnail: the smallest stored copy that is wide enough, and its size.</summary>
public sealed record PhotoView(Guid Id, string StorageKey, string AltText)
{
    public const int ThumbWidth = 160;

    private ImageVariantSet? Set => ImageVariantKeys.Parse(StorageKey);

    public string ThumbUrl => Web.Pages.Products.ShowModel.MediaUrl(Set?.KeyAtLeast(ThumbWidth * 2) ?? StorageKey);

    public int ThumbHeight => Set is { } set ? (int)Math.Round(ThumbWidth * (double)set.Height / set.Width) : ThumbWidth;
}

public static class ProductStatusText
{
    public static string Label(ProductStatus status) => status switch
    {
        ProductStatus.Active => "On sale",
        ProductStatus.Draft => "Draft",
        ProductStatus.Archived => "Archived",
        _ => status.ToString(),
    };
}

/// <summary>What the shared product fields partial needs from its page.</summary>
public interface IProductFormPage
{
    ProductInput Input { get; }

    SellerTerms Terms { get; }
}
