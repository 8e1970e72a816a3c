using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace RuralMarket.Web.Features.Cart;

/// <summary>The header's "Cart (N)" link: one small query, none for a visitor who never added anything.</summary>
public sealed class CartLinkViewComponent(CartReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var count = await reader.CountItemsAsync(CartOwner.Of(HttpContext), HttpContext.RequestAborted);
        if (count > 0 && HttpContext.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            // A page that shows someone's cart count is theirs alone: never store it for others.
            outputCache.Context.AllowCacheStorage = false;
        }

        return View("~/Pages/Cart/_CartLink.cshtml", count);
    }
}
