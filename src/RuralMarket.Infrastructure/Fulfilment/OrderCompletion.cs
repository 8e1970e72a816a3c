using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// Closes an order, whether the buyer confirms receipt or the timer completes it: the seller's payout
/// becomes releasable at completion plus the hold period, and the seller is told when the money moves.
/// </summary>
public sealed class OrderCompletion(RuralMarketDbContext db, TimeProvider clock, Settings.PlatformSettings platform)
{
    /// <summary>Completes a tracked order (the domain refuses when it may not be completed). The caller saves once.</summary>
    public async Task CompleteAsync(Order order, string? byUserId, CancellationToken cancellationToken)
    {
        order.Complete(byUserId, clock);
        var payout = await db.Payouts.SingleOrDefaultAsync(p => p.OrderId == order.Id, cancellationToken);
        if (payout is { Status: PayoutStatus.Pending })
        {
            payout.MarkReleasable(order.CompletedAt!.Value + (await platform.FulfilmentAsync(cancellationToken)).PayoutHoldPeriod);
        }

        var sellerEmail = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == order.SellerId)
            .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => u.Email)
            .SingleOrDefaultAsync(cancellationToken);
        if (!string.IsNullOrEmpty(sellerEmail))
        {
            db.Jobs.Enqueue(FulfilmentEmails.SellerCompleted(sellerEmail, order, payout), clock.GetUtcNow().UtcDateTime, dedupKey: $"email:order-completed:seller:{order.Id:N}");
        }
    }
}
