using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Pages.Watch;

/// <summary>
/// <c>POST /follow/{sellerId}</c> and <c>POST /follow/{sellerId}/unfollow</c>: a signed-in person follows or stops
/// following an approved seller, then goes back where they were. Anonymous visitors are sent to sign in; GET is 404.
/// </summary>
[Authorize]
public sealed class FollowModel(RuralMarketDbContext db, TimeProvider clock, ILogger<FollowModel> logger) : PageModel
{
    public static IActionResult OnGet() => new NotFoundResult();

    public async Task<IActionResult> OnPostAsync(Guid sellerId, string? returnUrl, CancellationToken cancellationToken)
    {
        var seller = await FindSellerAsync(sellerId, cancellationToken);
        if (seller is null)
        {
            return NotFound();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await db.SellerFollows.AnyAsync(f => f.UserId == userId && f.SellerId == sellerId, cancellationToken))
        {
            db.SellerFollows.Add(SellerFollow.Start(userId, sellerId, clock));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // A double tap: the other request already saved the same follow.
                logger.LogInformation(ex, "Follow of seller {SellerId} was already saved", sellerId);
            }
        }

        TempData["Flash"] = $"You follow {seller.Name}. Their new videos appear under Following in Watch.";
        return Back(returnUrl, seller.Slug);
    }

    public async Task<IActionResult> OnPostUnfollowAsync(Guid sellerId, string? returnUrl, CancellationToken cancellationToken)
    {
        var seller = await FindSellerAsync(sellerId, cancellationToken);
        if (seller is null)
        {
            return NotFound();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var follow = await db.SellerFollows.FirstOrDefaultAsync(f => f.UserId == userId && f.SellerId == sellerId, cancellationToken);
        if (follow is not null)
        {
            db.SellerFollows.Remove(follow);
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Flash"] = $"You no longer follow {seller.Name}.";
        return Back(returnUrl, seller.Slug);
    }

    private Task<SellerName?> FindSellerAsync(Guid sellerId, CancellationToken cancellationToken) =>
        db.Sellers.AsNoTracking()
            .Where(s => s.Id == sellerId && s.Status == SellerStatus.Approved)
            .Select(s => new SellerName(s.Name, s.Slug))
            .FirstOrDefaultAsync(cancellationToken);

    private IActionResult Back(string? returnUrl, string sellerSlug) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect(StorefrontUrls.Seller(sellerSlug));

    private sealed record SellerName(string Name, string Slug);
}
