using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Orders;

namespace RuralMarket.Web.Areas.Seller.Pages.Orders;

/// <summary>A printable packing list for one of the seller's orders: who, where, what, how many. No prices.</summary>
public sealed class PackingModel(RuralMarketDbContext db) : SellerPageModel
{
    public sealed record Line(string Title, int Quantity);

    public sealed record Slip(long Number, DateTime PlacedAt, OrderStatus Status, FulfilmentMethod Method, DeliveryDetails Delivery, string? Carrier, string? TrackingNumber, List<Line> Lines)
    {
        public string DisplayNumber => OrderText.Number(Number);
    }

    public Slip Order { get; private set; } = null!;

    public string? PickupAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!OrderText.TryParseNumber(number, out var parsed))
        {
            return NotFound();
        }

        var sellerId = Seller.Id;
        var slip = await db.Orders.AsNoTracking()
            .Where(o => o.Number == parsed && o.SellerId == sellerId)
            .Select(o => new
            {
                Slip = new Slip(o.Number, o.CreatedAt, o.Status, o.Method, o.Delivery, o.Carrier, o.TrackingNumber,
                    o.Lines.OrderBy(l => l.Title).Select(l => new Line(l.Title, l.Quantity)).ToList()),
                PickupAddress = db.Sellers.Where(s => s.Id == sellerId).Select(s => s.Fulfilment.PickupAddress).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (slip is null)
        {
            return NotFound();
        }

        Order = slip.Slip;
        PickupAddress = slip.PickupAddress;
        return Page();
    }
}
