using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Tests.Common;

public class GeoPointTests
{
    [Theory]
    [InlineData(-90.1, 0)]
    [InlineData(90.1, 0)]
    [InlineData(0, -180.1)]
    [InlineData(0, 180.1)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.NaN)]
    public void Coordinates_outside_the_globe_are_refused(double latitude, double longitude)
    {
        var create = () => new GeoPoint(latitude, longitude);

        create.Should().Throw<DomainException>();
    }

    [Fact]
    public void Distance_from_London_to_Paris_is_about_344_km()
    {
        var london = new GeoPoint(51.5074, -0.1278);
        var paris = new GeoPoint(48.8566, 2.3522);

        london.DistanceKmTo(paris).Should().BeApproximately(343.5, 1.5);
        paris.DistanceKmTo(london).Should().BeApproximately(london.DistanceKmTo(paris), 1e-9);
    }

    [Fact]
    public void Distance_to_the_same_point_is_zero_and_to_the_antipode_is_half_the_earth()
    {
        var point = new GeoPoint(10, 20);

        point.DistanceKmTo(point).Should().Be(0);
        point.DistanceKmTo(new GeoPoint(-10, -160)).Should().BeApproximately(Math.PI * 6371.0088, 0.01);
    }
}
