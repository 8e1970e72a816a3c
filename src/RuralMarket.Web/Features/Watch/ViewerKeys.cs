using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RuralMarket.Web.Features.Cart;

namespace RuralMarket.Web.Features.Watch;

/// <summary>
/// Who watched or tapped, as <see cref="Domain.Media.VideoTagClick.ViewerKey"/> keeps it: a signed-in user's id, or for
/// an anonymous visitor an opaque key derived from their cart cookie (its SHA-256 under a purpose of its own, so it
/// matches neither the cookie nor the cart row). A visitor with no cart cookie has no key: we set no cookie just to
/// follow them (it would also keep every page they see out of the storefront cache).
/// </summary>
public static class ViewerKeys
{
    /// <summary>The key of a tap by a visitor we cannot recognise: counted per product, never credited with an order.</summary>
    public const string Unrecognised = "anon:unrecognised";

    private const string AnonymousPrefix = "anon:";

    /// <summary>The key for this request, or null for an anonymous visitor without a cart cookie.</summary>
    public static string? Of(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            return userId;
        }

        return CartToken(context) is { } token ? ForCartToken(token) : null;
    }

    public static string ForCartToken(string token) =>
        AnonymousPrefix + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("rm.video-viewer:" + token)));

    /// <summary>
    /// Who to rate-limit: the viewer key, or else the network address and browser (hashed; kept only in memory).
    /// </summary>
    public static string ForThrottle(HttpContext context) =>
        Of(context) ?? "net:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{context.Connection.RemoteIpAddress}|{context.Request.Headers.UserAgent}")))[..32];

    /// <summary>The cart cookie the request brought, or the one this response has just set (the visitor's first add).</summary>
    private static string? CartToken(HttpContext context)
    {
        if (CartCookie.Read(context.Request) is { } token)
        {
            return token;
        }

        foreach (var header in context.Response.Headers.SetCookie)
        {
            if (header is not null && SetCookieHeaderValue.TryParse(header, out var cookie)
                && cookie.Name.Equals(CartCookie.Name, StringComparison.Ordinal) && cookie.Value.Length > 20)
            {
                return cookie.Value.ToString();
            }
        }

        return null;
    }
}
