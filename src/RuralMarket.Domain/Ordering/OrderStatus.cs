namespace RuralMarket.Domain.Ordering;

public enum OrderStatus
{
    PendingPayment,
    Paid,
    Preparing,
    Shipped,
    ReadyForPickup,
    PickedUp,
    OutForDelivery,
    Delivered,
    Completed,
    Cancelled,
}
