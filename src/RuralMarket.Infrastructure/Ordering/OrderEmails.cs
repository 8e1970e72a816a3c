using System.Globalization;
using System.Text;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Email;

namespace RuralMarket.Infrastructure.Ordering;

/// <summary>The plain-text emails about orders. Links are site paths: the mail template adds the host.</summary>
public static class OrderEmails
{
    public static SendEmail BuyerPaid(string to, IReadOnlyList<Order> orders, IReadOnlyDictionary<Guid, string> sellerNames, bool isTestPayment)
    {
        var text = new StringBuilder();
        text.AppendLine("Thank you for your order. Your payment is confirmed.");
        if (isTestPayment)
        {
            text.AppendLine("(This was a TEST PAYMENT: no money moved.)");
        }

        foreach (var order in orders)
        {
            text.AppendLine();
            AppendOrder(text, order, sellerNames.GetValueOrDefault(order.SellerId, "the seller"));
        }

        text.AppendLine();
        text.AppendLine("See your orders at /orders");
        var numbers = string.Join(", ", orders.Select(o => o.DisplayNumber));
        return new SendEmail(to, $"Your RuralMarket order {numbers}", text.ToString());
    }

    public static SendEmail SellerPaid(string to, Order order, string buyerName)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"You have a new paid order from {buyerName}. Please start preparing it.");
        text.AppendLine();
        AppendOrder(text, order, sellerName: null);
        text.AppendLine(CultureInfo.InvariantCulture, $"Platform fee: {order.PlatformFee.Format()}");
        return new SendEmail(to, $"New order {order.DisplayNumber}", text.ToString());
    }

    public static SendEmail BuyerCancelled(string to, Order order, bool refunded)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Your order {order.DisplayNumber} is cancelled.");
        text.AppendLine(refunded
            ? $"We refunded {order.RefundedAmount.Format()} to your payment method."
            : "Nothing was charged for it.");
        return new SendEmail(to, $"Order {order.DisplayNumber} cancelled", text.ToString());
    }

    public static SendEmail SellerCancelled(string to, Order order) =>
        new(to, $"Order {order.DisplayNumber} cancelled by the buyer", $"The buyer cancelled order {order.DisplayNumber} before you started preparing it. There is nothing to send; the stock is back on sale.\n");

    /// <summary>The seller, or the timer on the seller's behalf, cancelled: the buyer hears why and about the refund.</summary>
    public static SendEmail BuyerCancelledFor(string to, Order order, string sellerName, bool automatically, bool refunded)
    {
        var text = new StringBuilder();
        text.AppendLine(automatically
            ? $"Your order {order.DisplayNumber} from {sellerName} is cancelled: it was not sent out in time."
            : $"{sellerName} cancelled your order {order.DisplayNumber}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Reason: {order.CancellationReason}");
        text.AppendLine(refunded
            ? $"We refunded {order.RefundedAmount.Format()} to your payment method."
            : "Nothing was charged for it.");
        text.AppendLine("We are sorry. See your orders at /orders");
        return new SendEmail(to, $"Order {order.DisplayNumber} cancelled", text.ToString());
    }

    public static SendEmail SellerCancelledAutomatically(string to, Order order) =>
        new(to, $"Order {order.DisplayNumber} cancelled: not sent in time", $"Order {order.DisplayNumber} was cancelled automatically and the buyer refunded. Reason: {order.CancellationReason}\nThe stock is back on sale.\n");

    public static SendEmail BuyerCancelledByAdmin(string to, Order order, string sellerName, bool refunded) =>
        new(to, $"Order {order.DisplayNumber} cancelled", $"RuralMarket cancelled your order {order.DisplayNumber} from {sellerName}.\nReason: {order.CancellationReason}\n"
            + (refunded ? $"We refunded {order.RefundedAmount.Format()} to your payment method.\n" : "Nothing was charged for it.\n") + "See your orders at /orders\n");

    public static SendEmail SellerCancelledByAdmin(string to, Order order) =>
        new(to, $"Order {order.DisplayNumber} cancelled by RuralMarket", $"RuralMarket cancelled order {order.DisplayNumber} and refunded the buyer. Reason: {order.CancellationReason}\nThe stock is back on sale.\n");

    private static void AppendOrder(StringBuilder text, Order order, string? sellerName)
    {
        text.AppendLine(sellerName is null
            ? $"Order {order.DisplayNumber}"
            : $"Order {order.DisplayNumber} from {sellerName}");
        foreach (var line in order.Lines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {line.Quantity} × {line.Title} — {line.LineTotal.Format()}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  Subtotal {order.Subtotal.Format()}, {MethodLabel(order.Method)} {order.DeliveryFee.Format()}, total {order.Total.Format()}");
        var d = order.Delivery;
        text.AppendLine(order.Method == Domain.Catalog.FulfilmentMethod.Pickup
            ? $"  Pickup by {d.RecipientName}{(d.PickupNote is null ? "" : $" — note: {d.PickupNote}")}"
            : $"  Deliver to {d.RecipientName}, {d.Line1}{(d.Line2 is null ? "" : ", " + d.Line2)}, {d.Town} {d.PostalCode} {d.CountryCode}".TrimEnd());
    }

    public static string MethodLabel(Domain.Catalog.FulfilmentMethod method) => method switch
    {
        Domain.Catalog.FulfilmentMethod.Shipping => "shipping",
        Domain.Catalog.FulfilmentMethod.Pickup => "pickup",
        Domain.Catalog.FulfilmentMethod.LocalDelivery => "local delivery",
        _ => "delivery",
    };
}
