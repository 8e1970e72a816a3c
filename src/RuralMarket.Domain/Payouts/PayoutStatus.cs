namespace RuralMarket.Domain.Payouts;

public enum PayoutStatus
{
    Pending,
    Releasable,
    Paid,
    Failed,
    Reversed,
}
