namespace RuralMarket.Domain.Common;

public sealed record GeoPoint
{
    private const double EarthRadiusKm = 6371.0088;

    public GeoPoint(double latitude, double longitude)
    {
        Guard.That(latitude is >= -90 and <= 90, "Latitude must be between -90 and 90 degrees.");
        Guard.That(longitude is >= -180 and <= 180, "Longitude must be between -180 and 180 degrees.");
        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; private init; }

    public double Longitude { get; private init; }

    /// <summary>Great-circle distance (haversine), good to a few metres over the distances sellers deliver.</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
