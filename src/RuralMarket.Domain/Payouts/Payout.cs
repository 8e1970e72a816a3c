using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;

namespace RuralMarket.Domain.Payouts;

/// <summary>
/// The seller's share of one order: Pending (order paid) → Releasable (completed, after a hold period)
/// → Paid (transfer made) | Failed (retried); Reversed when the order is refunded.
/// </summary>
public sealed class Payout
{
    private Payout()
    {
        Gross = null!;
        Commission = null!;
        Net = null!;
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid SellerId { get; private set; }

    public Money Gross { get; private set; }

    public Money Commission { get; private set; }

    public Money Net { get; private set; }

    public PayoutStatus Status { get; private set; }

    public string? TransferId { get; private set; }

    public string? FailureReason { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? LastAttemptAt { get; private set; }

    public DateTime? ReleasableAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    /// <summary>Paid through the local test provider: no money moved.</summary>
    public bool IsTest { get; private set; }

    public bool OnHold { get; private set; }

    public string? HoldReason { get; private set; }

    public string? ReversalReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public int Version { get; private set; }

    public static Payout ForOrder(Order order, TimeProvider clock)
    {
        Guard.That(order.WasPaid, "A payout is only owed once the order is paid.");
        return new Payout
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            SellerId = order.SellerId,
            Gross = order.Total,
            Commission = order.PlatformFee,
            Net = order.Total - order.PlatformFee,
            Status = PayoutStatus.Pending,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Version = 1,
        };
    }

    /// <summary>True when the release job may transfer the money now.</summary>
    public bool IsDue(TimeProvider clock) =>
        Status == PayoutStatus.Releasable && !OnHold && ReleasableAt <= clock.GetUtcNow().UtcDateTime;

    /// <summary>The order is complete; the money may move from <paramref name="releasableAt"/> (completion plus the hold period).</summary>
    public void MarkReleasable(DateTime releasableAt)
    {
        Guard.That(Status == PayoutStatus.Pending, "Only pending payouts can become releasable.");
        ReleasableAt = releasableAt;
        Status = PayoutStatus.Releasable;
        Version++;
    }

    public void MarkPaid(string transferId, bool isTest, TimeProvider clock)
    {
        Guard.That(Status == PayoutStatus.Releasable, "Only releasable payouts can be paid.");
        Guard.That(!OnHold, "This payout is on hold.");
        var now = clock.GetUtcNow().UtcDateTime;
        Guard.That(ReleasableAt <= now, "This payout's hold period has not ended yet.");
        TransferId = Guard.Text(transferId, "A transfer id", 255);
        IsTest = isTest;
        PaidAt = now;
        FailureReason = null;
        RecordAttempt(now);
        Status = PayoutStatus.Paid;
        Version++;
    }

    public void MarkFailed(string reason, TimeProvider clock)
    {
        Guard.That(Status == PayoutStatus.Releasable, "Only payouts being released can fail.");
        FailureReason = Guard.Text(reason, "A failure reason", 1000);
        RecordAttempt(clock.GetUtcNow().UtcDateTime);
        Status = PayoutStatus.Failed;
        Version++;
    }

    public void RetryRelease()
    {
        Guard.That(Status == PayoutStatus.Failed, "Only failed payouts can be retried.");
        Status = PayoutStatus.Releasable;
        Version++;
    }

    /// <summary>Keeps the money back while a dispute or problem is looked into.</summary>
    public void Hold(string reason)
    {
        Guard.That(Status is PayoutStatus.Pending or PayoutStatus.Releasable or PayoutStatus.Failed, "Only payouts not yet paid can be held.");
        Guard.That(!OnHold, "This payout is already on hold.");
        HoldReason = Guard.Text(reason, "A reason for the hold", 500);
        OnHold = true;
        Version++;
    }

    public void ReleaseHold()
    {
        Guard.That(OnHold, "This payout is not on hold.");
        OnHold = false;
        HoldReason = null;
        Version++;
    }

    /// <summary>
    /// The order was refunded, so the seller does not keep this money. Returns true when a transfer was
    /// already made and has to be reversed with the payment provider.
    /// </summary>
    public bool Reverse(string reason)
    {
        Guard.That(Status != PayoutStatus.Reversed, "This payout is already reversed.");
        var transferToReverse = Status == PayoutStatus.Paid;
        ReversalReason = Guard.Text(reason, "A reason for the reversal", 500);
        Status = PayoutStatus.Reversed;
        OnHold = false;
        Version++;
        return transferToReverse;
    }

    private void RecordAttempt(DateTime at)
    {
        Attempts++;
        LastAttemptAt = at;
    }
}
