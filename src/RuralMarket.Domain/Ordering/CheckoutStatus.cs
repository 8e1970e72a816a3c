namespace RuralMarket.Domain.Ordering;

public enum CheckoutStatus
{
    AwaitingPayment,
    Paid,
    Failed,
    Expired,
}
