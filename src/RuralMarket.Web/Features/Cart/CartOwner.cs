using System.Security.Claims;

namespace RuralMarket.Web.Features.Cart;

/// <summary>Whose cart a request is about: a signed-in buyer's (by user id) or an anonymous visitor's (by cookie token).</summary>
public readonly record struct CartOwner(string? BuyerUserId, string? AnonymousTokenHash)
{
    public static CartOwner Nobody => default;

    /// <summary>False for a visitor who has never added anything: no query is needed to know their cart is empty.</summary>
    public bool HasCart => BuyerUserId is not null || AnonymousTokenHash is not null;

    public static CartOwner Of(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return new CartOwner(userId, null);
        }

        return CartCookie.Read(context.Request) is { } token ? new CartOwner(null, CartCookie.Hash(token)) : Nobody;
    }
}
