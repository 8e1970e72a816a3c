using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Geo;

namespace RuralMarket.Infrastructure.Tests.Search;

public sealed class PostalCodeDirectoryTests
{
    private static readonly PostalCodeDirectory Directory = new();

    [Fact]
    public void The_bundled_directory_knows_every_US_zip_code()
    {
        Directory.Count.Should().BeGreaterThan(41_000);
        foreach (var code in new[] { "00501", "05826", "10001", "59011", "90210", "96701", "99950" })
        {
            Directory.Find(code).Should().NotBeNull("{0} is a US ZIP code", code);
        }
    }

    [Theory]
    [InlineData("05826")]
    [InlineData(" 05826 ")]
    [InlineData("05826-1234")]
    public void A_zip_code_gives_its_place_and_centroid(string typed)
    {
        var place = Directory.Find(typed)!;

        place.Label.Should().Be("Craftsbury, VT 05826");
        place.Point.DistanceKmTo(new GeoPoint(44.6387, -72.3723)).Should().BeLessThan(5);
    }

    [Theory]
    [InlineData("00000")]
    [InlineData("5826")]
    [InlineData("ABCDE")]
    [InlineData("SW1A 1AA")]
    [InlineData(null)]
    [InlineData("")]
    public void Unknown_or_malformed_codes_find_nothing(string? typed)
    {
        Directory.Find(typed).Should().BeNull();
    }

    [Fact]
    public void The_nearest_zip_code_names_a_shared_position()
    {
        Directory.Nearest(new GeoPoint(44.6401, -72.3702))!.Place.Should().Be("Craftsbury");
    }
}
