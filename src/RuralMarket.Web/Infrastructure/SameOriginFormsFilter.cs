using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace RuralMarket.Web.Infrastructure;

/// <summary>
/// The antiforgery check for the two forms a storefront page shows to anonymous visitors ("Add to cart" and the home
/// page's ZIP code). A cached page cannot hold a per-visitor token, so anonymous visitors get none
/// (<see cref="StorefrontCache.FormsCarryToken"/>) and, for a visitor who is <b>not signed in</b>, the browser's own
/// word that the form came from this site is accepted instead: <c>Sec-Fetch-Site: same-origin</c>, or else an
/// <c>Origin</c> (or, failing that, <c>Referer</c>) naming this host. A post with none of these, or from another
/// site, needs a valid token (400 otherwise: it fails closed for a browser too old to say where it was), and a
/// signed-in user always needs one — their pages are never cached and always carry it. Everything else on these
/// pages keeps Razor Pages' usual token check. What a forged anonymous post could do at worst is put something in
/// a cart the attacker's page started; checkout, account and seller forms are untouched.
/// </summary>
public sealed class SameOriginFormsFilter(IAntiforgery antiforgery, IOptions<PublicUrlOptions> publicUrl) : IAsyncAuthorizationFilter, IAntiforgeryPolicy
{
    /// <summary>After Razor Pages' own antiforgery filter (order 1000), so this one is the page's effective policy.</summary>
    public const int FilterOrder = 1001;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!context.IsEffectivePolicy<IAntiforgeryPolicy>(this))
        {
            return;
        }

        var http = context.HttpContext;
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
        {
            return;
        }

        if (http.User.Identity?.IsAuthenticated != true && IsSameOrigin(http.Request, publicUrl.Value.PublicBaseUrl))
        {
            return;
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            context.Result = new AntiforgeryValidationFailedResult();
        }
    }

    /// <summary>Whether the browser says this request comes from a page of this site.</summary>
    public static bool IsSameOrigin(HttpRequest request, Uri? publicBaseUrl)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"];
        if (!StringValues.IsNullOrEmpty(fetchSite))
        {
            return fetchSite == "same-origin";
        }

        var origin = request.Headers.Origin;
        if (!StringValues.IsNullOrEmpty(origin))
        {
            return IsThisSite(origin.ToString(), request, publicBaseUrl);
        }

        var referer = request.Headers.Referer;
        return !StringValues.IsNullOrEmpty(referer) && IsThisSite(referer.ToString(), request, publicBaseUrl);
    }

    private static bool IsThisSite(string url, HttpRequest request, Uri? publicBaseUrl) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && (string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || (publicBaseUrl is { IsAbsoluteUri: true } && string.Equals(uri.Authority, publicBaseUrl.Authority, StringComparison.OrdinalIgnoreCase)));
}
