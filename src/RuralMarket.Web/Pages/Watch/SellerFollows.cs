using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Pages.Watch;

/// <summary>What a follow button shows: nothing to read for an anonymous visitor (a sign-in link), one query otherwise.</summary>
public sealed record FollowButton(Guid SellerId, string SellerName, string ReturnUrl, bool SignedIn, bool Following)
{
    public static async Task<FollowButton> ForAsync(HttpContext context, RuralMarketDbContext db, Guid sellerId, string sellerName, CancellationToken cancellationToken)
    {
        var returnUrl = context.Request.Path + context.Request.QueryString;
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return new FollowButton(sellerId, sellerName, returnUrl, SignedIn: false, Following: false);
        }

        var following = await db.SellerFollows.AnyAsync(f => f.UserId == userId && f.SellerId == sellerId, cancellationToken);
        return new FollowButton(sellerId, sellerName, returnUrl, SignedIn: true, following);
    }
}
