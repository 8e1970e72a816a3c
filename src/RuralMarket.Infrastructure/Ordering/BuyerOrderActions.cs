using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Fulfilment;

namespace RuralMarket.Infrastructure.Ordering;

/// <summary>What a buyer can do to their own order: cancel it before the seller starts, or confirm they received it.</summary>
public sealed class BuyerOrderActions(RuralMarketDbContext db, OrderCancellation cancellation, OrderCompletion completion, TimeProvider clock)
{
    /// <summary>
    /// Cancels a paid order the seller has not started preparing: refunds through the provider, reverses
    /// the seller's pending payout, returns the stock and tells both sides, in one transaction.
    /// Returns false when the order is not this buyer's.
    /// </summary>
    public Task<bool> CancelAsync(long orderNumber, string buyerUserId, CancellationToken cancellationToken) =>
        cancellation.CancelAsync(
            o => o.Number == orderNumber && o.BuyerUserId == buyerUserId,
            order => order.CancelByBuyer(buyerUserId, clock),
            Canceller.Buyer,
            buyerUserId,
            cancellationToken);

    /// <summary>
    /// The buyer says the goods arrived: the order completes and the seller's payout becomes releasable
    /// after the hold period. Returns false when the order is not this buyer's.
    /// </summary>
    public async Task<bool> ConfirmReceivedAsync(long orderNumber, string buyerUserId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Number == orderNumber && o.BuyerUserId == buyerUserId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        await completion.CompleteAsync(order, buyerUserId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
