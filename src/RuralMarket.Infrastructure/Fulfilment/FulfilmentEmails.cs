using System.Globalization;
using System.Text;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Email;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>Where a pickup order is collected, as the seller's profile says.</summary>
public sealed record PickupPoint(string? Address, string? Hours, string? Instructions);

/// <summary>The plain-text emails of fulfilment: each step of an order to its buyer, reminders and payouts to its seller.</summary>
public static class FulfilmentEmails
{
    /// <summary>One key per order and step: a step happens once per order, so its email is sent once.</summary>
    public static string ProgressDedupKey(Order order) => $"email:order-status:{order.Id:N}:{order.Status}";

    /// <summary>Tells the buyer what just happened to their order; null for steps the buyer is told about elsewhere.</summary>
    public static SendEmail? BuyerProgress(string to, Order order, string sellerName, PickupPoint? pickup, TimeSpan autoCompleteAfter)
    {
        var n = order.DisplayNumber;
        var text = new StringBuilder();
        string subject;
        switch (order.Status)
        {
            case OrderStatus.Preparing:
                subject = $"{sellerName} is preparing your order {n}";
                text.AppendLine(CultureInfo.InvariantCulture, $"Good news: {sellerName} has started preparing your order {n}.");
                text.AppendLine(order.Method switch
                {
                    FulfilmentMethod.Pickup => "We will email you again when it is ready to collect, with your pickup code.",
                    FulfilmentMethod.LocalDelivery => "We will email you again when it is out for delivery.",
                    _ => "We will email you again when it is shipped, with its tracking number.",
                });
                break;
            case OrderStatus.Shipped:
                subject = $"Your order {n} is on its way";
                text.AppendLine(CultureInfo.InvariantCulture, $"{sellerName} has shipped your order {n}.");
                text.AppendLine(CultureInfo.InvariantCulture, $"Carrier: {order.Carrier}");
                text.AppendLine(order.TrackingNumber is null ? "No tracking number was given." : $"Tracking number: {order.TrackingNumber}");
                break;
            case OrderStatus.ReadyForPickup:
                subject = $"Your order {n} is ready for pickup";
                text.AppendLine(CultureInfo.InvariantCulture, $"Your order {n} from {sellerName} is ready to collect.");
                text.AppendLine(CultureInfo.InvariantCulture, $"Your pickup code: {order.PickupCode}");
                text.AppendLine("Show this code when you collect; the seller types it in to hand the order over. Keep it to yourself until then.");
                if (pickup?.Address is not null)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"Where: {pickup.Address}");
                }

                if (pickup?.Hours is not null)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"When: {pickup.Hours}");
                }

                if (pickup?.Instructions is not null)
                {
                    text.AppendLine(pickup.Instructions);
                }

                break;
            case OrderStatus.OutForDelivery:
                subject = $"Your order {n} is out for delivery";
                text.AppendLine(CultureInfo.InvariantCulture, $"{sellerName} is on the way with your order {n}.");
                text.AppendLine(CultureInfo.InvariantCulture, $"Delivering to: {order.Delivery.Line1}, {order.Delivery.Town}");
                break;
            case OrderStatus.Delivered:
            case OrderStatus.PickedUp:
                subject = order.Status == OrderStatus.PickedUp ? $"You collected your order {n}" : $"Your order {n} was delivered";
                text.AppendLine(order.Status == OrderStatus.PickedUp
                    ? $"Thank you for collecting your order {n} from {sellerName}."
                    : $"{sellerName} says your order {n} was delivered.");
                text.AppendLine(CultureInfo.InvariantCulture, $"If all is well, confirm it on your order page. If something is wrong, tell us there within {Describe(autoCompleteAfter)}; after that the order completes on its own and the seller is paid.");
                break;
            default:
                return null;
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Your order: /orders/{n}");
        return new SendEmail(to, subject, text.ToString());
    }

    public static SendEmail SellerReminder(string to, string orderNumber, DateTime paidAt, TimeSpan autoCancelAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Order {orderNumber} was paid on {When(paidAt)} and is still waiting to go out.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Orders not shipped, out for delivery or ready for pickup within {Describe(autoCancelAfter)} of payment are cancelled and refunded automatically.");
        text.AppendLine("If you cannot fulfil it, please cancel it yourself with a reason so the buyer knows.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Open the order: /Seller/Orders/{orderNumber}");
        return new SendEmail(to, $"Reminder: order {orderNumber} is waiting for you", text.ToString());
    }

    public static SendEmail SellerCompleted(string to, Order order, Payout? payout)
    {
        var n = order.DisplayNumber;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Order {n} is complete.");
        if (payout is { Status: PayoutStatus.Releasable, ReleasableAt: { } from })
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Your payout of {payout.Net.Format()} ({payout.Gross.Format()} less {payout.Commission.Format()} commission) is released from {When(from)}.");
        }

        text.AppendLine("Your payouts: /Seller/Payouts");
        return new SendEmail(to, $"Order {n} complete", text.ToString());
    }

    public static SendEmail SellerPayoutSent(string to, string orderNumber, Money net, string transferId, bool isTest)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"We sent you {net.Format()} for order {orderNumber} (transfer {transferId}).");
        if (isTest)
        {
            text.AppendLine("TEST — no money moved: this marketplace runs with the test payment provider.");
        }

        text.AppendLine("Your payouts: /Seller/Payouts");
        return new SendEmail(to, $"Payout for {orderNumber}: {net.Format()}", text.ToString());
    }

    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Describe(TimeSpan span) =>
        span.TotalHours <= 72 && span.TotalHours == Math.Floor(span.TotalHours)
            ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hours")
            : span.TotalDays == Math.Floor(span.TotalDays)
                ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0} days")
                : span.ToString("c", CultureInfo.InvariantCulture);
}
