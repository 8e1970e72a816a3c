using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RuralMarket.Web.Features.Cart;

/// <summary>
/// The anonymous visitor's cart key: a random token in an HttpOnly cookie. The database keeps only its
/// SHA-256, so a leaked table cannot be replayed as cookies. The cookie is written only when the visitor
/// first adds something, so browsing creates neither a cookie nor a row.
/// </summary>
public static class CartCookie
{
    public const string Name = "rm.cart";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What the database stores for a token (43 characters).</summary>
    public static string Hash(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token from the request, or null when absent or not shaped like one of ours.</summary>
    public static string? Read(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var token) && token.Length is > 20 and <= 64 && token.All(IsTokenChar) ? token : null;

    public static void Write(HttpContext context, string token, TimeProvider clock) =>
        context.Response.Cookies.Append(Name, token, Options(context, clock.GetUtcNow() + Lifetime));

    public static void Delete(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, expires: null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps,
        IsEssential = true,
        Path = "/",
        Expires = expires,
    };

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
