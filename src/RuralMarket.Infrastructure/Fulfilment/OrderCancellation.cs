using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Ordering;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Refunds;

namespace RuralMarket.Infrastructure.Fulfilment;

public enum Canceller
{
    Buyer,
    Seller,

    /// <summary>The fulfilment timer: the order was not sent out in time.</summary>
    Timer,

    /// <summary>A RuralMarket admin, with a reason both buyer and seller read.</summary>
    Admin,
}

/// <summary>
/// Cancels one order, whoever asks: the domain decides whether it may be cancelled; then, in one
/// transaction, the cancellation is saved first (the order's version token makes a concurrent canceller or
/// shipper lose before any money moves), the refundable amount goes back through <see cref="OrderRefunds"/>
/// (idempotency key from the order id, audit entry), the seller's payout is reversed, the stock is released
/// and the buyer (and, unless they did it, the seller) are emailed.
/// </summary>
public sealed class OrderCancellation(RuralMarketDbContext db, OrderRefunds refunds, TimeProvider clock)
{
    /// <param name="which">Finds the order, scoped to whoever asks (the buyer's or the seller's id): no match, no change.</param>
    /// <param name="cancel">The domain call that cancels the loaded order; returns true when a refund is due. Throws when not allowed.</param>
    /// <returns>False when no order matched.</returns>
    /// <exception cref="Domain.Common.DomainException">The order may not be cancelled now; nothing changed.</exception>
    /// <exception cref="DbUpdateConcurrencyException">Someone else changed the order at the same moment; nothing changed.</exception>
    public async Task<bool> CancelAsync(Expression<Func<Order, bool>> which, Func<Order, bool> cancel, Canceller by, string? actorUserId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(which, ct);
            if (order is null)
            {
                return false;
            }

            var refundDue = cancel(order);
            var reason = order.CancellationReason ?? "Cancelled.";
            var payout = await db.Payouts.SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
            if (payout is not null && payout.Status != Domain.Payouts.PayoutStatus.Reversed)
            {
                payout.Reverse(by switch
                {
                    Canceller.Buyer => "The buyer cancelled the order.",
                    Canceller.Seller => $"The seller cancelled the order: {reason}",
                    _ => reason,
                });
            }

            // Claim the order before money moves: a second canceller (or a seller shipping it) fails here.
            await db.SaveChangesAsync(ct);

            var buyerEmail = await db.Checkouts.AsNoTracking().Where(c => c.Id == order.CheckoutId).Select(c => c.BuyerEmail).SingleAsync(ct);
            if (refundDue)
            {
                try
                {
                    await refunds.RefundLoadedAsync(order, null, reason, actorUserId, ct);
                }
                catch (PaymentProviderUnavailableException ex)
                {
                    // Leaving the transaction undoes the cancellation too: no cancelled order without its refund.
                    throw new DomainException("The refund could not be made just now (the payment provider did not answer), so nothing was cancelled. Please try again in a few minutes.", ex);
                }
            }

            await EnqueueEmailsAsync(order, buyerEmail, by, refundDue, ct);
            await db.SaveChangesAsync(ct);
            foreach (var line in order.Lines)
            {
                await db.ReleaseAsync(line.ProductId, line.Quantity, ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    private async Task EnqueueEmailsAsync(Order order, string buyerEmail, Canceller by, bool refunded, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == order.SellerId)
            .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => new { s.Name, u.Email })
            .SingleAsync(cancellationToken);
        if (by == Canceller.Admin)
        {
            db.Jobs.Enqueue(OrderEmails.BuyerCancelledByAdmin(buyerEmail, order, seller.Name, refunded), now, dedupKey: $"email:order-cancelled:buyer:{order.Id:N}");
            if (!string.IsNullOrEmpty(seller.Email))
            {
                db.Jobs.Enqueue(OrderEmails.SellerCancelledByAdmin(seller.Email, order), now, dedupKey: $"email:order-cancelled:seller:{order.Id:N}");
            }

            return;
        }


        db.Jobs.Enqueue(
            by == Canceller.Buyer
                ? OrderEmails.BuyerCancelled(buyerEmail, order, refunded)
                : OrderEmails.BuyerCancelledFor(buyerEmail, order, seller.Name, automatically: by == Canceller.Timer, refunded),
            now,
            dedupKey: $"email:order-cancelled:buyer:{order.Id:N}");

        if (by != Canceller.Seller && !string.IsNullOrEmpty(seller.Email))
        {
            db.Jobs.Enqueue(
                by == Canceller.Buyer ? OrderEmails.SellerCancelled(seller.Email, order) : OrderEmails.SellerCancelledAutomatically(seller.Email, order),
                now,
                dedupKey: $"email:order-cancelled:seller:{order.Id:N}");
        }
    }
}
