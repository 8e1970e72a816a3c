using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Geo;

public sealed record NearbySeller(string Name, string Slug, string Town, string? Region, double DistanceKm, bool DeliversToBuyer, int ProductCount);

/// <summary>The approved sellers nearest a buyer, nearest first, in one SQL command.</summary>
public sealed class NearbySellers(RuralMarketDbContext db)
{
    public async Task<IReadOnlyList<NearbySeller>> ListAsync(GeoPoint buyer, int count, CancellationToken cancellationToken)
    {
        var lat = buyer.Latitude;
        var lng = buyer.Longitude;
        var cosLat = Math.Cos(lat * GeoMath.RadiansPerDegree);
        var rows = await db.Sellers.AsNoTracking()
            .Where(s => s.Status == SellerStatus.Approved)
            .OrderBy(s =>
                (Math.Sin((s.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree) * Math.Sin((s.Location.Latitude - lat) * GeoMath.HalfRadiansPerDegree))
                + (cosLat * Math.Cos(s.Location.Latitude * GeoMath.RadiansPerDegree)
                    * Math.Sin((s.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree) * Math.Sin((s.Location.Longitude - lng) * GeoMath.HalfRadiansPerDegree)))
            .ThenBy(s => s.Name)
            .Take(Math.Clamp(count, 1, 50))
            .Select(s => new
            {
                s.Name,
                s.Slug,
                s.Location.Town,
                s.Location.Region,
                s.Location.Latitude,
                s.Location.Longitude,
                s.Fulfilment.OffersLocalDelivery,
                s.Fulfilment.DeliveryRadiusKm,
                Products = db.Products.Count(p => p.SellerId == s.Id && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible),
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(s =>
            {
                var distance = new GeoPoint(s.Latitude, s.Longitude).DistanceKmTo(buyer);
                return new NearbySeller(s.Name, s.Slug, s.Town, s.Region, distance, DeliversTo(s.OffersLocalDelivery, s.DeliveryRadiusKm, distance), s.Products);
            })
            .ToList();
    }

    /// <summary>The rule of <see cref="Seller.DeliversTo"/> for projected columns.</summary>
    public static bool DeliversTo(bool offersLocalDelivery, int deliveryRadiusKm, double distanceKm) =>
        offersLocalDelivery && distanceKm <= deliveryRadiusKm;
}
