using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Payments.Refunds;

/// <summary>What one refund did: the refund row, how its amount splits across the order's lines and delivery fee, and what was taken back from the seller.</summary>
public sealed record RefundOutcome(Refund Refund, IReadOnlyList<RefundLineShare> Lines, Money ReversedFromSeller);

public sealed record RefundLineShare(string Name, Money Amount);

/// <summary>
/// Gives money back for one order, in full or in part, whoever asks (an admin, the seller's cancellation, a
/// timer). The domain decides what may be refunded (<see cref="Order.RecordRefund"/>); the order is saved
/// first so a concurrent refund loses on its version before any money moves; then the provider refunds with an
/// idempotency key made of the order id and the amounts; when the seller had already been paid, their share
/// is taken back with a transfer reversal. Every movement gets an audit entry with before and after.
/// </summary>
/// <remarks>
/// The seller's share of everything refunded so far is <c>refunded × net ÷ total</c> (largest remainder, via
/// <see cref="Money.Allocate"/>); each refund reverses the growth of that share, so partial refunds add up to
/// exactly the net when the order is fully refunded.
/// </remarks>
public sealed class OrderRefunds(RuralMarketDbContext db, IPaymentProvider payments, TimeProvider clock, ILogger<OrderRefunds> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Same order, same amounts refunded before and now: same key (a double submit refunds once).</summary>
    public static string IdempotencyKey(Guid orderId, Money refundedBefore, Money amount) =>
        string.Create(CultureInfo.InvariantCulture, $"refund:order:{orderId:N}:{refundedBefore.Amount}+{amount.Amount}");

    /// <summary>The seller's part of an amount refunded on the order (the rest is the platform's commission).</summary>
    public static Money SellerShareOf(Order order, Money refunded) =>
        refunded.IsZero ? refunded : refunded.Allocate([(order.Total - order.PlatformFee).Amount, order.PlatformFee.Amount])[0];

    /// <summary>The refund spread over the order's lines and delivery fee in proportion to what each cost.</summary>
    public static IReadOnlyList<RefundLineShare> SplitAcrossLines(Order order, Money amount)
    {
        var names = order.Lines.Select(l => $"{l.Title} × {l.Quantity.ToString(CultureInfo.InvariantCulture)}").Append("Delivery").ToList();
        var weights = order.Lines.Select(l => l.LineTotal.Amount).Append(order.DeliveryFee.Amount).ToList();
        return [.. amount.Allocate(weights).Select((share, i) => new RefundLineShare(names[i], share)).Where(s => s.Amount.IsPositive)];
    }

    /// <summary>Refunds the order with this number in its own transaction. Null amount: everything still refundable.</summary>
    /// <returns>Null when there is no such order.</returns>
    /// <exception cref="DomainException">Not refundable (unpaid, too much, wrong currency); nothing changed.</exception>
    /// <exception cref="PaymentProviderUnavailableException">The provider failed; nothing changed here (a retry uses the same key).</exception>
    /// <exception cref="DbUpdateConcurrencyException">The order changed at the same moment; nothing changed.</exception>
    public async Task<RefundOutcome?> RefundAsync(long orderNumber, Money? amount, string reason, string? actorUserId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, ct);
            if (order is null)
            {
                return null;
            }

            var outcome = await RefundLoadedAsync(order, amount, reason, actorUserId, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }, cancellationToken);
    }

    /// <summary>
    /// Refunds an order already loaded (with its lines, tracked) inside the caller's transaction. It saves once
    /// before the money moves; the caller saves the rest (the provider's ids, the audit entries) and commits.
    /// </summary>
    public async Task<RefundOutcome> RefundLoadedAsync(Order order, Money? amount, string reason, string? actorUserId, CancellationToken cancellationToken)
    {
        var before = order.RefundedAmount;
        var refundAmount = amount ?? order.RefundableAmount;
        var orderBefore = Snapshot(order);
        order.RecordRefund(refundAmount);
        var checkout = await db.Checkouts.AsNoTracking()
            .Where(c => c.Id == order.CheckoutId)
            .Select(c => new { c.Id, c.ProviderReference, c.PaymentReference })
            .SingleAsync(cancellationToken);
        var payout = await db.Payouts.SingleOrDefaultAsync(p => p.OrderId == order.Id, cancellationToken);
        var key = IdempotencyKey(order.Id, before, refundAmount);
        var refund = Refund.Start(order.Id, checkout.Id, refundAmount, reason, actorUserId, key, clock);
        db.Refunds.Add(refund);

        var sellerShare = SellerShareOf(order, order.RefundedAmount) - SellerShareOf(order, before);
        var payoutBefore = payout is null ? null : Snapshot(payout);
        var transferToReverse = payout is { Status: PayoutStatus.Paid, TransferId: not null } && sellerShare.IsPositive ? payout.TransferId : null;
        if (payout is not null && payout.Status != PayoutStatus.Reversed && order.IsFullyRefunded)
        {
            payout.Reverse($"Refunded in full: {reason}");
        }

        // Claim the order (and payout) before money moves: a concurrent refund fails here on the version.
        await db.SaveChangesAsync(cancellationToken);

        var result = await payments.RefundAsync(
            new RefundRequest(checkout.Id, checkout.ProviderReference ?? "", refundAmount, reason, key, checkout.PaymentReference), cancellationToken);
        refund.RecordProviderRefund(result.RefundId, result.IsTest);
        var lines = SplitAcrossLines(order, refundAmount);
        db.AuditEntries.Add(AuditEntry.Record(
            actorUserId,
            result.IsTest ? "order.refunded.test" : "order.refunded",
            "Order",
            order.DisplayNumber,
            reason,
            orderBefore,
            JsonSerializer.Serialize(new
            {
                refundId = result.RefundId,
                amount = refundAmount.Amount,
                currency = refundAmount.Currency,
                refunded = order.RefundedAmount.Amount,
                fullyRefunded = order.IsFullyRefunded,
                test = result.IsTest,
                lines = lines.Select(l => new { name = l.Name, amount = l.Amount.Amount }),
            }, Json),
            clock));

        var reversed = Money.Zero(refundAmount.Currency);
        if (transferToReverse is not null && payout is not null)
        {
            var reversal = await payments.ReverseTransferAsync(new TransferReversalRequest(transferToReverse, sellerShare, $"reversal:{key}"), cancellationToken);
            refund.RecordReversal(sellerShare, reversal.ReversalId);
            reversed = sellerShare;
            db.AuditEntries.Add(AuditEntry.Record(
                actorUserId,
                reversal.IsTest ? "payout.reversed.test" : "payout.reversed",
                "Payout",
                order.DisplayNumber,
                reason,
                payoutBefore,
                JsonSerializer.Serialize(new { transferId = transferToReverse, reversalId = reversal.ReversalId, amount = sellerShare.Amount, currency = sellerShare.Currency, status = payout.Status.ToString() }, Json),
                clock));
        }

        logger.LogInformation(
            "Order {Order} refunded {Amount} as {RefundId}; {Reversed} taken back from the seller", order.DisplayNumber, refundAmount.Format(), result.RefundId, reversed.Format());
        return new RefundOutcome(refund, lines, reversed);
    }

    private static string Snapshot(Order order) => JsonSerializer.Serialize(
        new { status = order.Status.ToString(), total = order.Total.Amount, refunded = order.RefundedAmount.Amount, currency = order.Total.Currency }, Json);

    private static string Snapshot(Payout payout) => JsonSerializer.Serialize(
        new { status = payout.Status.ToString(), net = payout.Net.Amount, transferId = payout.TransferId, onHold = payout.OnHold }, Json);
}
