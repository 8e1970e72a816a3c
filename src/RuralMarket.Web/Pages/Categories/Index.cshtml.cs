using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.Products;

namespace RuralMarket.Web.Pages.Categories;

/// <summary>Every category with how many listings it has; one grouped count.</summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class IndexModel(RuralMarketDbContext db) : PageModel
{
    public sealed record CategoryLink(Category Category, int Listings);

    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.ListedProducts()
            .GroupBy(x => x.Product.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, cancellationToken);
        Categories = [.. Category.All.OrderBy(c => c.SortOrder).Select(c => new CategoryLink(c, counts.GetValueOrDefault(c.Id)))];
    }
}
