using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Sellers;

public sealed record SellerLocation
{
    public SellerLocation(string town, string? region, string? postalCode, string countryCode, double latitude, double longitude)
    {
        Town = Guard.Text(town, "A town", 100);
        Region = Guard.OptionalText(region, "A region", 100);
        PostalCode = Guard.OptionalText(postalCode, "A postal code", 20);
        CountryCode = Guard.CountryCode(countryCode);
        var point = new GeoPoint(latitude, longitude);
        Latitude = point.Latitude;
        Longitude = point.Longitude;
    }

    public string Town { get; private init; }

    public string? Region { get; private init; }

    public string? PostalCode { get; private init; }

    public string CountryCode { get; private init; }

    public double Latitude { get; private init; }

    public double Longitude { get; private init; }

    public GeoPoint ToGeoPoint() => new(Latitude, Longitude);
}
