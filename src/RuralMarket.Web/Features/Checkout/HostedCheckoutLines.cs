using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Web.Features.Checkout;

/// <summary>What the buyer sees listed on the provider's payment page: each product of each order, then that order's delivery fee.</summary>
public static class HostedCheckoutLines
{
    public static IReadOnlyList<HostedCheckoutLine> For(IEnumerable<Order> orders, IReadOnlyDictionary<Guid, string> sellerNames)
    {
        var lines = new List<HostedCheckoutLine>();
        foreach (var order in orders)
        {
            var seller = sellerNames.TryGetValue(order.SellerId, out var name) ? name : order.DisplayNumber;
            lines.AddRange(order.Lines.Select(l => new HostedCheckoutLine(order.Id, $"{l.Title} — {seller}", l.UnitPrice, l.Quantity)));
            if (order.DeliveryFee.IsPositive)
            {
                lines.Add(new HostedCheckoutLine(order.Id, $"{(order.Method == Domain.Catalog.FulfilmentMethod.Shipping ? "Shipping" : "Local delivery")} — {seller}", order.DeliveryFee, 1));
            }
        }

        return lines;
    }
}
