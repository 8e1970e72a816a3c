using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Payouts;

/// <summary>
/// Money given back to a buyer for (part of) one order: who asked, why, the provider's refund id and, when
/// the seller had already been paid, the reversal of the seller's share.
/// </summary>
public sealed class Refund
{
    private Refund()
    {
        Amount = null!;
        ReversedFromSeller = null!;
        Reason = null!;
        IdempotencyKey = null!;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid CheckoutId { get; private set; }

    public Money Amount { get; private set; }

    public string Reason { get; private set; }

    /// <summary>Null when the system refunded (a timer or a payment event).</summary>
    public string? RequestedByUserId { get; private set; }

    public string IdempotencyKey { get; private set; }

    public string? ProviderRefundId { get; private set; }

    /// <summary>The seller's share taken back from a transfer that had already been made (zero when none was).</summary>
    public Money ReversedFromSeller { get; private set; }

    public string? TransferReversalId { get; private set; }

    public bool IsTest { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Refund Start(
        Guid orderId,
        Guid checkoutId,
        Money amount,
        string reason,
        string? requestedByUserId,
        string idempotencyKey,
        TimeProvider clock)
    {
        Guard.That(amount.IsPositive, "A refund must be for more than nothing.");
        return new Refund
        {
            Id = Guid.CreateVersion7(),
            OrderId = orderId,
            CheckoutId = checkoutId,
            Amount = amount,
            ReversedFromSeller = Money.Zero(amount.Currency),
            Reason = Guard.Text(reason, "A reason for the refund", 1000),
            RequestedByUserId = Guard.OptionalText(requestedByUserId, "The requester's user id", 450),
            IdempotencyKey = Guard.Text(idempotencyKey, "An idempotency key", 200),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }

    public void RecordProviderRefund(string providerRefundId, bool isTest)
    {
        ProviderRefundId = Guard.Text(providerRefundId, "A provider refund id", 200);
        IsTest = isTest;
    }

    public void RecordReversal(Money reversedFromSeller, string transferReversalId)
    {
        Guard.That(reversedFromSeller.Currency == Amount.Currency, $"A reversal for this refund must be in {Amount.Currency}.");
        Guard.That(reversedFromSeller.IsPositive && reversedFromSeller <= Amount, "A reversal must be more than nothing and no more than the refund.");
        ReversedFromSeller = reversedFromSeller;
        TransferReversalId = Guard.Text(transferReversalId, "A transfer reversal id", 200);
    }
}
