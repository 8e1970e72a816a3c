using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Content;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Pages.Sell;

/// <summary>Changes an application under review, or fixes a rejected one and sends it for review again.</summary>
[Authorize]
public sealed class EditModel(RuralMarketDbContext db, ShopForm form, SellerApplications applications, IOptions<SellingOptions> options) : PageModel
{
    [BindProperty]
    public ShopInput Shop { get; set; } = new();

    public SellerStatus Status { get; private set; }

    public string? StatusReason { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var application = await db.Sellers.AsNoTracking()
            .Where(s => s.OwnerUserId == UserId)
            .Select(s => new { s.Name, s.Story, s.Location, s.Fulfilment, s.Status, s.StatusReason })
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return RedirectToPage("Apply");
        }

        if (application.Status is not (SellerStatus.Pending or SellerStatus.Rejected))
        {
            return Redirect("/Seller/Profile");
        }

        Shop = ShopInput.From(application.Name, application.Story, application.Location, application.Fulfilment);
        (Status, StatusReason) = (application.Status, application.StatusReason);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ViewData["StoryPreview"] = SafeMarkdown.ToHtml(Shop.Story);
        return await LoadStatusAsync(cancellationToken) ? Page() : RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var shop = form.Read(Shop, ModelState, nameof(Shop), options.Value.Currency);
        if (shop is null)
        {
            return await LoadStatusAsync(cancellationToken) ? Page() : RedirectToPage("Index");
        }

        var outcome = await applications.UpdateApplicationAsync(UserId, shop, cancellationToken);
        switch (outcome.Kind)
        {
            case SellingOutcomeKind.Done:
                TempData["Flash"] = outcome.Message;
                return RedirectToPage("Index");
            case SellingOutcomeKind.Refused:
                ModelState.AddModelError(string.Empty, outcome.Message);
                return await LoadStatusAsync(cancellationToken) ? Page() : RedirectToPage("Index");
            default:
                return RedirectToPage("Index");
        }
    }

    private async Task<bool> LoadStatusAsync(CancellationToken cancellationToken)
    {
        var application = await db.Sellers.AsNoTracking()
            .Where(s => s.OwnerUserId == UserId && (s.Status == SellerStatus.Pending || s.Status == SellerStatus.Rejected))
            .Select(s => new { s.Status, s.StatusReason })
            .SingleOrDefaultAsync(cancellationToken);
        (Status, StatusReason) = (application?.Status ?? default, application?.StatusReason);
        return application is not null;
    }
}
