using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using RuralMarket.Web.Features.Cart;

namespace RuralMarket.Web.Features.Watch;

public static class WatchSetup
{
    /// <summary>Video pages, the watch feed, follows and video analytics (see player.js for the viewer's side).</summary>
    public static IServiceCollection AddWatch(this IServiceCollection services)
    {
        services.AddScoped<StorefrontVideos>();
        services.AddScoped<VideoTagClickRecorder>();
        services.AddSingleton<ViewerEventThrottle>();

        // An anonymous visitor's taps become their account's when they sign in (chained like the cart's merge).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var previous = cookie.Events.OnSignedIn;
            cookie.Events.OnSignedIn = async context =>
            {
                await previous(context);
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && CartCookie.Read(context.HttpContext.Request) is { } token)
                {
                    var recorder = context.HttpContext.RequestServices.GetRequiredService<VideoTagClickRecorder>();
                    await recorder.ClaimAnonymousClicksAsync(ViewerKeys.ForCartToken(token), userId, context.HttpContext.RequestAborted);
                }
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapWatch(this IEndpointRouteBuilder endpoints) => endpoints.MapVideoEvents();
}
