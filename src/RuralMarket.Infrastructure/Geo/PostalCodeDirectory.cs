using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Geo;

/// <summary>A postal code's centroid and the place it belongs to.</summary>
public sealed record PostalPlace(string PostalCode, string Place, string? Region, GeoPoint Point)
{
    /// <summary>"Craftsbury, VT 05826".</summary>
    public string Label => Region is null ? $"{Place} {PostalCode}" : $"{Place}, {Region} {PostalCode}";
}

/// <summary>Turns a postal code a buyer types into a point on the map.</summary>
public interface IPostalCodeDirectory
{
    /// <summary>Null when the code is not a known US ZIP code (ZIP+4 is accepted and read as its first five digits).</summary>
    PostalPlace? Find(string? postalCode);

    /// <summary>The known postal code whose centroid is nearest to the point (to name a browser-shared location).</summary>
    PostalPlace? Nearest(GeoPoint point);
}

/// <summary>
/// US ZIP code centroids from GeoNames (CC BY 4.0; see Data/README.md), bundled in the assembly and read once
/// into memory on first use: about 41,000 codes, a few MB of RAM.
/// </summary>
public sealed class PostalCodeDirectory : IPostalCodeDirectory
{
    private const string ResourceName = "RuralMarket.Infrastructure.Geo.Data.us-postal-codes.csv.gz";

    private readonly Lazy<FrozenDictionary<string, PostalPlace>> _places = new(Load);

    public int Count => _places.Value.Count;

    public PostalPlace? Find(string? postalCode)
    {
        var code = Normalize(postalCode);
        return code is not null && _places.Value.TryGetValue(code, out var place) ? place : null;
    }

    public PostalPlace? Nearest(GeoPoint point)
    {
        PostalPlace? nearest = null;
        var best = double.MaxValue;
        foreach (var place in _places.Value.Values)
        {
            var distance = place.Point.DistanceKmTo(point);
            if (distance < best)
            {
                best = distance;
                nearest = place;
            }
        }

        return nearest;
    }

    /// <summary>"05826", " 05826 ", "05826-1234" → "05826"; anything else → null.</summary>
    public static string? Normalize(string? postalCode)
    {
        var text = postalCode?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 10 && text[5] == '-' && text[6..].All(char.IsAsciiDigit))
        {
            text = text[..5];
        }

        return text.Length == 5 && text.All(char.IsAsciiDigit) ? text : null;
    }

    private static FrozenDictionary<string, PostalPlace> Load()
    {
        using var stream = typeof(PostalCodeDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The postal code data ({ResourceName}) is not embedded in the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var places = new Dictionary<string, PostalPlace>(42_000, StringComparer.Ordinal);
        _ = reader.ReadLine(); // header: zip,latitude,longitude,place,state
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length != 5)
            {
                continue;
            }

            var point = new GeoPoint(
                double.Parse(fields[1], CultureInfo.InvariantCulture),
                double.Parse(fields[2], CultureInfo.InvariantCulture));
            places.TryAdd(fields[0], new PostalPlace(fields[0], fields[3], fields[4].Length == 0 ? null : fields[4], point));
        }

        return places.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
