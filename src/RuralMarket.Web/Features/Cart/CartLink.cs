using Microsoft.AspNetCore.OutputCaching;

namespace RuralMarket.Web.Features.Cart;

/// <summary>
/// The header's "Cart (N)": no query for a visitor who never added anything, one small one otherwise. A plain call
/// from the layout rather than a view component: every storefront page renders it, and a view component's own view
/// lookup and context cost more than the count.
/// </summary>
public static class CartLink
{
    public static async Task<int> CountAsync(HttpContext context, CartReader reader)
    {
        var count = await reader.CountItemsAsync(CartOwner.Of(context), context.RequestAborted);
        if (count > 0 && context.Features.Get<IOutputCacheFeature>() is { } outputCache)
        {
            // A page that shows someone's cart count is theirs alone: never store it for others.
            outputCache.Context.AllowCacheStorage = false;
        }

        return count;
    }

    public static string Text(int count) => count > 0 ? $"Cart ({count})" : "Cart";
}
