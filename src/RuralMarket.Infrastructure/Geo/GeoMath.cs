using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Geo;

/// <summary>
/// Haversine pieces that SQL can evaluate. Queries order and filter by the haversine term
/// a = sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2), which grows with distance, so no asin/sqrt is needed in SQL;
/// the kilometres shown come from <see cref="GeoPoint.DistanceKmTo"/>.
/// </summary>
public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Multiply degrees by this to get half the angle in radians.</summary>
    public const double HalfRadiansPerDegree = Math.PI / 360;

    public const double RadiansPerDegree = Math.PI / 180;

    /// <summary>The haversine term for a distance: rows with a term at or below it are within that many km.</summary>
    public static double HaversineTermFor(double kilometres)
    {
        var half = Math.Min(kilometres, Math.PI * EarthRadiusKm) / (2 * EarthRadiusKm);
        var sin = Math.Sin(half);
        return sin * sin;
    }
}
