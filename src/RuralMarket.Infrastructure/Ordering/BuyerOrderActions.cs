using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Infrastructure.Ordering;

/// <summary>What a buyer can do to their own order: cancel it before the seller starts, or confirm they received it.</summary>
public sealed class BuyerOrderActions(RuralMarketDbContext db, IPaymentProvider payments, TimeProvider clock)
{
    /// <summary>
    /// Cancels a paid order the seller has not started preparing: refunds through the provider, reverses
    /// the seller's pending payout, returns the stock and tells both sides, in one transaction.
    /// Returns false when the order is not this buyer's.
    /// </summary>
    public async Task<bool> CancelAsync(long orderNumber, string buyerUserId, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await db.Orders.Include(o => o.Lines)
                .SingleOrDefaultAsync(o => o.Number == orderNumber && o.BuyerUserId == buyerUserId, ct);
            if (order is null)
            {
                return false;
            }

            var checkout = await db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == order.CheckoutId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var refundDue = order.CancelByBuyer(buyerUserId, clock);
            if (refundDue)
            {
                var amount = order.RefundableAmount;
                var refund = await payments.RefundAsync(
                    new RefundRequest(checkout.Id, checkout.ProviderReference ?? "", amount, "Cancelled by the buyer.", $"refund:order:{order.Id:N}"), ct);
                order.RecordRefund(amount);
                db.AuditEntries.Add(AuditEntry.Record(
                    buyerUserId, refund.IsTest ? "order.refunded.test" : "order.refunded", "Order", order.DisplayNumber,
                    "Cancelled by the buyer before preparation.", null, $$"""{"refundId":"{{refund.RefundId}}","amount":{{amount.Amount}},"currency":"{{amount.Currency}}","test":{{(refund.IsTest ? "true" : "false")}}}""", clock));
            }

            var payout = await db.Payouts.SingleOrDefaultAsync(p => p.OrderId == order.Id, ct);
            payout?.Reverse("The buyer cancelled the order.");

            db.Jobs.Enqueue(OrderEmails.BuyerCancelled(checkout.BuyerEmail, order, refundDue), now, dedupKey: $"email:order-cancelled:buyer:{order.Id:N}");
            var sellerEmail = await db.Sellers.Where(s => s.Id == order.SellerId)
                .Join(db.Users, s => s.OwnerUserId, u => u.Id, (s, u) => u.Email)
                .SingleOrDefaultAsync(ct);
            if (!string.IsNullOrEmpty(sellerEmail))
            {
                db.Jobs.Enqueue(OrderEmails.SellerCancelled(sellerEmail, order), now, dedupKey: $"email:order-cancelled:seller:{order.Id:N}");
            }

            await db.SaveChangesAsync(ct);
            foreach (var line in order.Lines)
            {
                await db.ReleaseAsync(line.ProductId, line.Quantity, ct);
            }

            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>The buyer says the goods arrived: the order completes. Returns false when the order is not this buyer's.</summary>
    public async Task<bool> ConfirmReceivedAsync(long orderNumber, string buyerUserId, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Number == orderNumber && o.BuyerUserId == buyerUserId, cancellationToken);
        if (order is null)
        {
            return false;
        }

        order.Complete(buyerUserId, clock);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
