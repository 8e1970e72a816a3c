using RuralMarket.Domain.Catalog;

namespace RuralMarket.Web.Pages.Shared;

/// <summary>The storefront's public addresses. Other pages link to these; keep them stable.</summary>
public static class StorefrontUrls
{
    public static string Product(string sellerSlug, string productSlug) => $"/p/{sellerSlug}/{productSlug}";

    public static string Seller(string sellerSlug) => $"/s/{sellerSlug}";

    public static string Category(string categorySlug) => $"/c/{categorySlug}";

    public static string CategoryName(int categoryId) => FindCategory(categoryId)?.Name ?? "";

    public static Category? FindCategory(int categoryId) => Domain.Catalog.Category.All.FirstOrDefault(c => c.Id == categoryId);
}
