using System.Globalization;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Web.Areas.Seller.Pages.Orders;

/// <summary>How orders read to their seller: the status tabs, states and fulfilment methods.</summary>
public static class SellerOrderText
{
    public sealed record Tab(string? Key, string Label, OrderStatus[] Statuses);

    /// <summary>The list's tabs in the order work flows; <c>?status=Key</c> selects one (Delivered also holds picked-up orders).</summary>
    public static readonly IReadOnlyList<Tab> Tabs =
    [
        new(null, "All", []),
        new("Paid", "To prepare", [OrderStatus.Paid]),
        new("Preparing", "Preparing", [OrderStatus.Preparing]),
        new("ReadyForPickup", "Ready for pickup", [OrderStatus.ReadyForPickup]),
        new("OutForDelivery", "Out for delivery", [OrderStatus.OutForDelivery]),
        new("Shipped", "Shipped", [OrderStatus.Shipped]),
        new("Delivered", "Delivered / picked up", [OrderStatus.Delivered, OrderStatus.PickedUp]),
        new("Completed", "Completed", [OrderStatus.Completed]),
        new("Cancelled", "Cancelled", [OrderStatus.Cancelled]),
    ];

    /// <summary>Finds the tab for a <c>?status=</c> value (case-insensitive; "PickedUp" opens the delivered tab). Null for anything else.</summary>
    public static Tab? FindTab(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return Tabs[0];
        }

        var key = status.Trim();
        return Tabs.FirstOrDefault(t => t.Key is not null && (string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase)
            || t.Statuses.Any(s => string.Equals(s.ToString(), key, StringComparison.OrdinalIgnoreCase))));
    }

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "Awaiting payment",
        OrderStatus.Paid => "To prepare",
        OrderStatus.Preparing => "Preparing",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.ReadyForPickup => "Ready for pickup",
        OrderStatus.PickedUp => "Picked up",
        OrderStatus.OutForDelivery => "Out for delivery",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Completed => "Completed",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// <summary>A step in the timeline: what happened, rather than what is to do.</summary>
    public static string Step(OrderStatus status) => status == OrderStatus.Paid ? "Paid" : Status(status);

    public static string Method(FulfilmentMethod method) => method switch
    {
        FulfilmentMethod.Shipping => "Shipping",
        FulfilmentMethod.Pickup => "Pickup",
        FulfilmentMethod.LocalDelivery => "Local delivery",
        _ => method.ToString(),
    };

    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Items(IReadOnlyList<(int Quantity, string Title)> lines, int max = 3)
    {
        var shown = string.Join(", ", lines.Take(max).Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Quantity} × {l.Title}")));
        return lines.Count > max ? $"{shown} and {lines.Count - max} more" : shown;
    }
}
