using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Content;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Pages.Sell;

/// <summary>The application form. One per person: anyone who already applied is sent to /sell.</summary>
[Authorize]
public sealed class ApplyModel(RuralMarketDbContext db, ShopForm form, SellerApplications applications, IOptions<SellingOptions> options, RuralMarket.Infrastructure.Settings.PlatformSettings settings) : PageModel
{
    [BindProperty]
    public ShopInput Shop { get; set; } = new() { OffersPickup = true };

    [BindProperty]
    public bool AcceptTerms { get; set; }

    public decimal CommissionPercent { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>The rate in force now (an admin may have changed it), shown with the terms.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        CommissionPercent = await settings.DefaultCommissionBasisPointsAsync(HttpContext.RequestAborted) / 100m;
        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await db.Sellers.AnyAsync(s => s.OwnerUserId == UserId, cancellationToken) ? RedirectToPage("Index") : Page();

    /// <summary>Shows the story as buyers will see it; nothing is saved and no field is judged yet.</summary>
    public IActionResult OnPostPreview()
    {
        ModelState.Clear();
        ViewData["StoryPreview"] = SafeMarkdown.ToHtml(Shop.Story);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!AcceptTerms)
        {
            ModelState.AddModelError(nameof(AcceptTerms), "Please read the seller terms and tick the box to agree.");
        }

        var shop = form.Read(Shop, ModelState, nameof(Shop), options.Value.Currency);
        if (shop is null)
        {
            return Page();
        }

        var outcome = await applications.ApplyAsync(UserId, shop, cancellationToken);
        if (outcome.Kind == SellingOutcomeKind.Refused)
        {
            ModelState.AddModelError(string.Empty, outcome.Message);
            return Page();
        }

        TempData["Flash"] = outcome.Message;
        return RedirectToPage("Index");
    }
}
