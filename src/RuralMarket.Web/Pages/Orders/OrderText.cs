using System.Globalization;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Web.Pages.Orders;

/// <summary>How order states and numbers read to a buyer.</summary>
public static class OrderText
{
    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.PendingPayment => "Awaiting payment",
        OrderStatus.Paid => "Paid",
        OrderStatus.Preparing => "Being prepared",
        OrderStatus.Shipped => "Shipped",
        OrderStatus.ReadyForPickup => "Ready for pickup",
        OrderStatus.PickedUp => "Picked up",
        OrderStatus.OutForDelivery => "Out for delivery",
        OrderStatus.Delivered => "Delivered",
        OrderStatus.Completed => "Completed",
        OrderStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Number(long number) => Order.FormatNumber(number);

    /// <summary>Accepts "RM-000123" (as shown) or "123". Anything else is not an order number.</summary>
    public static bool TryParseNumber(string? text, out long number)
    {
        var digits = text?.Trim() ?? "";
        if (digits.StartsWith("RM-", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[3..];
        }

        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }

    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
