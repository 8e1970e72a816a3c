using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Search;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Categories;

/// <summary>A category's products, newest first, a page at a time. Two SQL commands: a capped count and the page.</summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class ShowModel(RuralMarketDbContext db) : PageModel
{
    public Category Category { get; private set; } = null!;

    public IReadOnlyList<ProductCardView> Products { get; private set; } = [];

    public PageLinks Pages { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string categorySlug, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        var category = Category.FindBySlug(categorySlug);
        if (category is null || !ModelState.IsValid)
        {
            return NotFound();
        }

        Category = category;
        var pageNumber = page ?? 1;
        var inCategory = db.ListedProducts().Where(x => x.Product.CategoryId == category.Id);

        // A category can hold tens of thousands of listings: count only as far as the pager needs ("1,000+").
        var cap = CountCaps.For(pageNumber, StorefrontCatalog.PageSize);
        // (Ordered by the category it is filtered on: a no-op for the database, and EF sees an ordered Take.)
        var counted = await inCategory.OrderBy(x => x.Product.CategoryId).Select(x => x.Product.Id).Take(cap + 1).CountAsync(cancellationToken);
        if (!PageLinks.IsReachable(pageNumber, counted, StorefrontCatalog.PageSize))
        {
            return NotFound();
        }

        Pages = PageLinks.Capped(StorefrontUrls.Category(category.Slug), pageNumber, counted, cap, StorefrontCatalog.PageSize);
        Products = await inCategory.Newest().Skip(Pages.Skip).Take(StorefrontCatalog.PageSize).ToCardsAsync(db, cancellationToken);
        return Page();
    }
}
