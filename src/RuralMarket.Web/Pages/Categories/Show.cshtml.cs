using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Products;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Categories;

/// <summary>A category's products, newest first, a page at a time. Two SQL commands: count and page.</summary>
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
        var total = await inCategory.CountAsync(cancellationToken);
        if (!PageLinks.IsReachable(pageNumber, total, StorefrontCatalog.PageSize))
        {
            return NotFound();
        }

        Pages = new PageLinks(StorefrontUrls.Category(category.Slug), pageNumber, total, StorefrontCatalog.PageSize);
        Products = await inCategory.Newest().Skip(Pages.Skip).Take(StorefrontCatalog.PageSize).ToCardsAsync(db, cancellationToken);
        return Page();
    }
}
