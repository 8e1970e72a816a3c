using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Content;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Areas.Seller.Pages.Profile;

/// <summary>The seller edits what buyers read about the shop and how they get its goods. The shop's address (/s/…) stays.</summary>
public sealed class IndexModel(RuralMarketDbContext db, ShopForm form, SellerApplications applications, IOptions<SellingOptions> options) : SellerPageModel
{
    [BindProperty]
    public ShopInput Shop { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var sellerId = Seller.Id;
        var shop = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId)
            .Select(s => new { s.Name, s.Story, s.Location, s.Fulfilment })
            .SingleOrDefaultAsync(cancellationToken);
        if (shop is null)
        {
            return NotFound();
        }

        Shop = ShopInput.From(shop.Name, shop.Story, shop.Location, shop.Fulfilment);
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        ModelState.Clear();
        ViewData["StoryPreview"] = SafeMarkdown.ToHtml(Shop.Story);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var shop = form.Read(Shop, ModelState, nameof(Shop), options.Value.Currency);
        if (shop is null)
        {
            return Page();
        }

        var outcome = await applications.UpdateProfileAsync(Seller.Id, shop, cancellationToken);
        switch (outcome.Kind)
        {
            case SellingOutcomeKind.Done:
                Flash(outcome.Message);
                return RedirectToPage();
            case SellingOutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError(string.Empty, outcome.Message);
                return Page();
        }
    }
}
