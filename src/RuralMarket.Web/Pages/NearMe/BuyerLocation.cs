using System.Globalization;
using RuralMarket.Domain.Common;

namespace RuralMarket.Web.Pages.NearMe;

/// <summary>
/// Where the buyer said they are (a ZIP code centroid or a browser-shared position), kept in a cookie so every
/// page can show distances. Read it with <see cref="From"/>; null means the buyer has not told us.
/// </summary>
public sealed record BuyerLocation(GeoPoint Point, string Label)
{
    public const string CookieName = "rm.loc";

    private const int MaxLabelLength = 80;

    /// <summary>The location in the request's cookie, or null when there is none or it does not parse.</summary>
    public static BuyerLocation? From(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var value) ? Parse(value) : null;

    public double DistanceKmTo(double latitude, double longitude) => Point.DistanceKmTo(new GeoPoint(latitude, longitude));

    /// <summary>Remembers the location for half a year (the cookie holds only what the buyer told us).</summary>
    public void Remember(HttpContext context)
    {
        var label = Label.Length > MaxLabelLength ? Label[..MaxLabelLength] : Label;
        var value = string.Create(CultureInfo.InvariantCulture, $"{Point.Latitude:0.####}|{Point.Longitude:0.####}|{label}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
            Path = "/",
        });
    }

    public static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });

    public static BuyerLocation? Parse(string? value)
    {
        var parts = value?.Split('|', 3);
        if (parts is not { Length: 3 }
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
            || latitude is < -90 or > 90 || longitude is < -180 or > 180
            || string.IsNullOrWhiteSpace(parts[2]))
        {
            return null;
        }

        return new BuyerLocation(new GeoPoint(latitude, longitude), parts[2].Length > MaxLabelLength ? parts[2][..MaxLabelLength] : parts[2]);
    }
}
