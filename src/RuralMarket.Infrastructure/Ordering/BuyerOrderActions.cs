using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Jobs;

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
    /// The buyer says something is wrong with what arrived: the order is not completed (nor the seller paid)
    /// until the problem is resolved, and the seller is told. Returns false when the order is not this buyer's.
    /// </summary>
    public async Task<bool> ReportProblemAsync(long orderNumber, string buyerUserId, string description, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Number == orderNumber && o.BuyerUserId == buyerUserId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        order.ReportProblem(buyerUserId, description);
        var sellerEmail = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == order.SellerId)
            .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => u.Email)
            .SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(sellerEmail))
        {
            db.Jobs.Enqueue(
                new SendEmail(sellerEmail, $"Problem reported with order {order.DisplayNumber}", $"The buyer of order {order.DisplayNumber} reported a problem:\n\n{order.ProblemDescription}\n\nThe order stays open (and its payout waits) until it is sorted out. Please get in touch with the buyer.\nOpen the order: /Seller/Orders/{order.DisplayNumber}\n"),
                clock.GetUtcNow().UtcDateTime,
                dedupKey: $"email:order-problem:seller:{order.Id:N}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

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
