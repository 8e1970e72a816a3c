using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Content;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Categories;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Sellers;

/// <summary>
/// A seller's shop: their story, where they are, how buyers get their goods, and their products a page at a
/// time. Three SQL commands: the seller, the product count, the page of products.
/// </summary>
public sealed class ShowModel(RuralMarketDbContext db) : PageModel
{
    public sealed record SellerProfile(string Name, string Slug, string Story, SellerLocation Location, FulfilmentOptions Fulfilment);

    public SellerProfile Seller { get; private set; } = null!;

    /// <summary>The story as sanitized HTML: safe to write raw.</summary>
    public string StoryHtml { get; private set; } = "";

    public IReadOnlyList<ProductCardView> Products { get; private set; } = [];

    public PageLinks Pages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string sellerSlug, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return NotFound();
        }

        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.Slug == sellerSlug && s.Status == SellerStatus.Approved)
            .Select(s => new { s.Id, Profile = new SellerProfile(s.Name, s.Slug, s.Story, s.Location, s.Fulfilment) })
            .FirstOrDefaultAsync(cancellationToken);
        if (seller is null)
        {
            return NotFound();
        }

        var pageNumber = page ?? 1;
        var theirs = db.ListedProducts().Where(x => x.Product.SellerId == seller.Id);
        var total = await theirs.CountAsync(cancellationToken);
        if (!PageLinks.IsReachable(pageNumber, total, StorefrontCatalog.PageSize))
        {
            return NotFound();
        }

        Seller = seller.Profile;
        StoryHtml = SafeMarkdown.ToHtml(seller.Profile.Story);
        Pages = new PageLinks(StorefrontUrls.Seller(seller.Profile.Slug), pageNumber, total, StorefrontCatalog.PageSize);
        Products = await theirs.Newest().Skip(Pages.Skip).Take(StorefrontCatalog.PageSize).ToCardsAsync(db, cancellationToken);
        return Page();
    }
}
