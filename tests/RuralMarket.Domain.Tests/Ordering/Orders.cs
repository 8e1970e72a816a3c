using Microsoft.Extensions.Time.Testing;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Tests.Ordering;

/// <summary>Builds orders and walks them along their lifecycle through the order's own methods.</summary>
internal static class Orders
{
    public const string Buyer = "buyer-7";
    public const string SellerUser = "seller-user-3";

    public static readonly DeliveryDetails Address = new("Ada Buyer", "1 Mill Lane", null, "Tetbury", "Gloucestershire", "GL8 8AA", "GB", "+44 7700 900000");

    public static readonly DeliveryDetails PickupPerson = new("Ada Buyer", PickupNote: "Saturday morning");

    public static Money Usd(long cents) => new(cents, "USD");

    public static Order New(FakeTimeProvider clock, FulfilmentMethod method = FulfilmentMethod.Shipping, long number = 123) =>
        Order.Create(
            Guid.CreateVersion7(),
            Guid.CreateVersion7(),
            Buyer,
            number,
            [new OrderLine(Guid.CreateVersion7(), "Eggs", Usd(450), 2), new OrderLine(Guid.CreateVersion7(), "Honey", Usd(1200), 1)],
            method,
            method == FulfilmentMethod.Pickup ? PickupPerson : Address,
            method == FulfilmentMethod.Pickup ? Usd(0) : Usd(500),
            1000,
            clock);

    /// <summary>The statuses an order with this method passes through, in order, ending at Completed.</summary>
    public static IReadOnlyList<OrderStatus> PathFor(FulfilmentMethod method) => method switch
    {
        FulfilmentMethod.Shipping => [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Completed],
        FulfilmentMethod.Pickup => [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.Completed],
        _ => [OrderStatus.PendingPayment, OrderStatus.Paid, OrderStatus.Preparing, OrderStatus.OutForDelivery, OrderStatus.Delivered, OrderStatus.Completed],
    };

    public static Order In(OrderStatus status, FulfilmentMethod method, FakeTimeProvider clock)
    {
        var order = New(clock, method);
        if (status == OrderStatus.Cancelled)
        {
            order.MarkPaid(clock);
            order.Cancel("Out of stock", SellerUser, clock);
            return order;
        }

        var path = PathFor(method);
        if (!path.Contains(status))
        {
            throw new ArgumentException($"{method} orders never reach {status}.", nameof(status));
        }

        foreach (var next in path.Skip(1).TakeWhile(_ => order.Status != status))
        {
            Advance(order, next, clock);
        }

        return order;
    }

    private static void Advance(Order order, OrderStatus to, FakeTimeProvider clock)
    {
        switch (to)
        {
            case OrderStatus.Paid: order.MarkPaid(clock); break;
            case OrderStatus.Preparing: order.StartPreparing(SellerUser, clock); break;
            case OrderStatus.Shipped: order.MarkShipped("Royal Mail", "RM123", SellerUser, clock); break;
            case OrderStatus.ReadyForPickup: order.MarkReadyForPickup(SellerUser, clock); break;
            case OrderStatus.PickedUp: order.ConfirmPickup(order.PickupCode!, SellerUser, clock); break;
            case OrderStatus.OutForDelivery: order.MarkOutForDelivery(SellerUser, clock); break;
            case OrderStatus.Delivered: order.MarkDelivered(SellerUser, clock); break;
            case OrderStatus.Completed: order.Complete(Buyer, clock); break;
            default: throw new ArgumentOutOfRangeException(nameof(to));
        }
    }
}
