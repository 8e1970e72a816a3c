using System.Globalization;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Geo;

namespace RuralMarket.Web.Pages.NearMe;

/// <summary>Turns what the buyer gave (a ZIP code, or a position from the browser) into a location or a message.</summary>
public static class LocationLookup
{
    public sealed record Result(BuyerLocation? Location, string? Error);

    /// <summary>A browser position wins over a typed ZIP code (the "Use my location" button fills both hidden fields).</summary>
    public static Result Find(IPostalCodeDirectory postalCodes, string? postalCode, string? latitude, string? longitude)
    {
        if (!string.IsNullOrWhiteSpace(latitude) || !string.IsNullOrWhiteSpace(longitude))
        {
            if (double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
                && lat is >= -90 and <= 90 && lng is >= -180 and <= 180)
            {
                var point = new GeoPoint(lat, lng);
                var nearest = postalCodes.Nearest(point);
                var label = nearest is not null && nearest.Point.DistanceKmTo(point) < 50 ? $"near {nearest.Place}{(nearest.Region is null ? "" : $", {nearest.Region}")}" : "your location";
                return new Result(new BuyerLocation(point, label), null);
            }

            if (string.IsNullOrWhiteSpace(postalCode))
            {
                return new Result(null, "Your browser did not share a usable location. Enter a ZIP code instead.");
            }
        }

        var code = postalCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return new Result(null, "Enter a ZIP code, like 05826.");
        }

        if (PostalCodeDirectory.Normalize(code) is null)
        {
            return new Result(null, $"“{Shorten(code)}” is not a US ZIP code. Enter 5 digits, like 05826.");
        }

        return postalCodes.Find(code) is { } place
            ? new Result(new BuyerLocation(place.Point, place.Label), null)
            : new Result(null, $"We don't know the ZIP code {Shorten(code)}. Check it and try again.");
    }

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;
}
