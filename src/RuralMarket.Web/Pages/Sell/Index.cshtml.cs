using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;

namespace RuralMarket.Web.Pages.Sell;

/// <summary>
/// /sell: what selling here means (anyone), or where the signed-in user's application stands. An approved
/// seller is sent to their dashboard, with the sign-in refreshed first when their cookie predates the approval.
/// </summary>
public sealed class IndexModel(RuralMarketDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public sealed record ApplicationView(string Name, SellerStatus Status, string? StatusReason, DateTime AppliedAt);

    public ApplicationView? Application { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return Page();
        }

        Application = await db.Sellers.AsNoTracking()
            .Where(s => s.OwnerUserId == userId)
            .Select(s => new ApplicationView(s.Name, s.Status, s.StatusReason, s.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (Application is null)
        {
            return RedirectToPage("Apply");
        }

        if (Application.Status is SellerStatus.Approved or SellerStatus.Suspended)
        {
            if (User.IsInRole(Roles.Seller))
            {
                return Redirect("/Seller");
            }

            // Roles travel in the auth cookie, so a cookie from before the approval needs renewing.
            if (await users.GetUserAsync(User) is { } user && await users.IsInRoleAsync(user, Roles.Seller))
            {
                await signIn.RefreshSignInAsync(user);
                TempData["Flash"] = $"Welcome, {Application.Name}! Your shop is open.";
                return Redirect("/Seller");
            }
        }

        return Page();
    }
}
