using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Areas.Seller;

/// <summary>The signed-in seller, as every seller page sees it.</summary>
public sealed record SellerIdentity(Guid Id, string Name, string Slug, SellerStatus Status, string? StatusReason, string OwnerUserId)
{
    public bool IsSuspended => Status == SellerStatus.Suspended;
}

/// <summary>
/// Base of every page in the seller area. Before any handler runs it loads the seller owned by the
/// signed-in user (approved or suspended: a suspended seller still fulfils open orders); a user with the
/// Seller role but no such shop gets 404. Every query a page makes must be scoped by <see cref="Seller"/>.Id,
/// so another seller's ids answer 404.
/// </summary>
public abstract class SellerPageModel : PageModel
{
    public SellerIdentity Seller { get; private set; } = null!;

    /// <summary>A message for the next page after a redirect (post/redirect/get).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = HttpContext.RequestServices.GetRequiredService<RuralMarketDbContext>();
        var seller = userId is null ? null : await db.Sellers.AsNoTracking()
            .Where(s => s.OwnerUserId == userId && (s.Status == SellerStatus.Approved || s.Status == SellerStatus.Suspended))
            .Select(s => new SellerIdentity(s.Id, s.Name, s.Slug, s.Status, s.StatusReason, s.OwnerUserId))
            .SingleOrDefaultAsync(HttpContext.RequestAborted);
        if (seller is null)
        {
            context.Result = NotFound();
            return;
        }

        Seller = seller;
        await next();
    }
}
