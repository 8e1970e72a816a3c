using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Features.Cart;

public static class CartSetup
{
    /// <summary>The cart's services, and the hook that merges an anonymous cart when its visitor signs in.</summary>
    public static IServiceCollection AddCart(this IServiceCollection services)
    {
        services.AddScoped<CartReader>();
        services.AddScoped<CartEditor>();
        services.AddPeriodicTask<DeleteAbandonedAnonymousCarts>();

        // Every sign-in (password, or a future external login) goes through the Identity cookie's SignedIn event,
        // so the account pages need not know about carts.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var previous = cookie.Events.OnSignedIn;
            cookie.Events.OnSignedIn = async context =>
            {
                await previous(context);
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } buyerUserId)
                {
                    var editor = context.HttpContext.RequestServices.GetRequiredService<CartEditor>();
                    await editor.MergeAtSignInAsync(context.HttpContext, buyerUserId, context.HttpContext.RequestAborted);
                }
            };
        });
        return services;
    }
}
