using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.NearMe;
using RuralMarket.Web.Pages.Sellers;

namespace RuralMarket.Web.Infrastructure;

public sealed class StorefrontCacheOptions
{
    public const string Section = "StorefrontCache";

    /// <summary>Off: every storefront page is rendered for every request (tests that count SQL per page use this).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an anonymous page is served from memory. Catalog changes evict earlier (<see cref="CatalogChangeEviction"/>).</summary>
    public int Seconds { get; set; } = 60;
}

/// <summary>
/// Output caching for the anonymous storefront (home, categories, search, product and seller pages): the same
/// HTML for everyone who is not signed in and has no cart, kept briefly in memory. Put
/// <c>[OutputCache(PolicyName = StorefrontCache.Policy)]</c> on a page model to opt it in.
/// <para>
/// Safety rules, all enforced here rather than trusted to each page:
/// a request is looked up and stored only when it is a GET/HEAD with no Authorization header, no signed-in user,
/// and no cookie other than the buyer's location (which the key varies by) and the antiforgery cookie (cached pages
/// carry no token); a response is stored only when it is a 200, sets no cookie, and is not marked no-store or
/// private (antiforgery marks every page that holds a token no-store). Pages therefore render their forms with a
/// token only when <see cref="FormsCarryToken"/> says so; <see cref="SameOriginFormsFilter"/> accepts the others' posts.
/// </para>
/// </summary>
public static class StorefrontCache
{
    public const string Policy = "Storefront";

    /// <summary>Every storefront page carries this tag; <see cref="CatalogChangeEviction"/> evicts it when the catalog changes.</summary>
    public const string Tag = "storefront";

    /// <summary>ASP.NET Core's default antiforgery cookie name starts with this.</summary>
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    public static IServiceCollection AddStorefrontCache(this IServiceCollection services)
    {
        services.AddOptions<StorefrontCacheOptions>().BindConfiguration(StorefrontCacheOptions.Section);
        services.AddOutputCache(options => options.AddPolicy(Policy, new StorefrontCachePolicy()));
        services.AddSingleton<CatalogChangeEviction>();
        services.ConfigureDbContext<SqliteRuralMarketDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CatalogChangeEviction>()));
        services.ConfigureDbContext<PostgresRuralMarketDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CatalogChangeEviction>()));
        services.AddSingleton<SameOriginFormsFilter>();
        services.AddMemoryCache();
        services.AddSingleton<SellerStories>();
        services.Configure<RazorPagesOptions>(options =>
        {
            // The forms an anonymous, cached page shows: "Add to cart" and the home page's ZIP code.
            options.Conventions.AddPageApplicationModelConvention("/Cart/Index", model => model.Filters.Add(new ServiceFilterAttribute(typeof(SameOriginFormsFilter)) { Order = SameOriginFormsFilter.FilterOrder }));
            options.Conventions.AddPageApplicationModelConvention("/NearMe/Index", model => model.Filters.Add(new ServiceFilterAttribute(typeof(SameOriginFormsFilter)) { Order = SameOriginFormsFilter.FilterOrder }));
        });
        return services;
    }

    /// <summary>
    /// True when this response may be stored and served to other anonymous visitors: it must then hold nothing
    /// personal — in particular no antiforgery token (render forms with <c>asp-antiforgery="false"</c>).
    /// </summary>
    public static bool MayBeStored(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true };

    /// <summary>
    /// Whether the storefront's forms ("Add to cart", the ZIP code) carry an antiforgery token: only for a signed-in
    /// user, whose pages are never cached. An anonymous visitor's post is vouched for by the browser instead
    /// (<see cref="SameOriginFormsFilter"/>), so their page — cached or not — costs no token and sets no cookie.
    /// </summary>
    public static bool FormsCarryToken(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && !MayBeStored(context);

    /// <summary>
    /// Whether to read TempData (a flash message after a post): on a GET only when the request brings its cookie.
    /// Reading TempData when there is none still makes the response delete the cookie — a Set-Cookie that keeps the
    /// page out of the cache — so the layout asks this first. Any other method may read it freely (never cached).
    /// </summary>
    public static bool ShouldReadTempData(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }

        var name = context.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name ?? CookieTempDataProvider.CookieName;
        return context.Request.Cookies.Keys.Any(key => key.StartsWith(name, StringComparison.Ordinal));
    }

    /// <summary>The request is one whose page may come from (and go into) the shared cache.</summary>
    internal static bool IsShareable(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization) || request.HttpContext.User.Identity?.IsAuthenticated == true)
        {
            return false;
        }

        // Known and harmless: the location (part of the key) and the antiforgery cookie (cached pages have no token).
        // Anything else — a cart, a flash message in TempData, a sign-in cookie even if expired, TempData —
        // means "render it for this visitor".
        return request.Cookies.Keys.All(name => name == BuyerLocation.CookieName || name.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal));
    }

    private sealed class StorefrontCachePolicy : IOutputCachePolicy
    {
        ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var services = context.HttpContext.RequestServices;
            var options = services.GetRequiredService<IOptions<StorefrontCacheOptions>>().Value;
            var request = context.HttpContext.Request;
            var shareable = options.Enabled && options.Seconds > 0 && IsShareable(request);

            context.EnableOutputCaching = true;
            context.AllowCacheLookup = shareable;
            context.AllowCacheStorage = shareable;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(Math.Max(1, options.Seconds));
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["loc"] = request.Cookies[BuyerLocation.CookieName] ?? "";
            // "In season now" follows the app's clock (a test's fake clock too), not the cache's.
            context.CacheVaryByRules.VaryByValues["month"] = services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
            context.Tags.Add(Tag);
            return ValueTask.CompletedTask;
        }

        ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            var cacheControl = response.Headers.CacheControl.ToString();
            if (response.StatusCode != StatusCodes.Status200OK
                || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)
                || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
                || context.HttpContext.User.Identity?.IsAuthenticated == true)
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}
