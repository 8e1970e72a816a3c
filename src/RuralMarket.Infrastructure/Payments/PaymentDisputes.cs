using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Payments;

/// <summary>
/// A buyer's bank disputed a payment: every order it paid for is marked disputed and its seller's payout is held
/// (a transfer already made stays made: the admin sees it in the audit log). When the dispute closes the orders
/// are unmarked; a dispute the platform won (or a warning that closed) releases the hold, a lost one keeps the
/// payout held for an admin to settle.
/// </summary>
public sealed class PaymentDisputes(RuralMarketDbContext db, TimeProvider clock, ILogger<PaymentDisputes> logger)
{
    public const string HoldPrefix = "Payment dispute";

    public static string HoldReasonFor(string disputeId, string reason) => $"{HoldPrefix} {disputeId} ({reason.Replace('_', ' ')})";

    public async Task OpenAsync(DisputeOpened opened, PaymentEvent cause, CancellationToken cancellationToken)
    {
        var (orders, payouts) = await LoadAsync(opened.PaymentReference, cancellationToken);
        var notes = new List<string>();
        foreach (var order in orders)
        {
            if (order.CanOpenDispute)
            {
                order.OpenDispute();
            }

            var payout = payouts.Find(p => p.OrderId == order.Id);
            string held;
            if (payout is { OnHold: false, Status: PayoutStatus.Pending or PayoutStatus.Releasable or PayoutStatus.Failed })
            {
                payout.Hold(HoldReasonFor(opened.DisputeId, opened.Reason));
                held = "payout held";
            }
            else
            {
                held = payout is null ? "no payout" : $"payout {payout.Status.ToString().ToLowerInvariant()}{(payout.OnHold ? ", already held" : "")}";
            }

            notes.Add($"{order.DisplayNumber}: {held}");
            db.AuditEntries.Add(AuditEntry.Record(
                null, "order.disputed", "Order", order.DisplayNumber, opened.Reason, null,
                JsonSerializer.Serialize(new { disputeId = opened.DisputeId, payment = opened.PaymentReference, payout = held }), clock));
        }

        Finish(cause, orders.Count == 0 ? "Ignored: no checkout was paid with this payment." : $"Dispute {opened.DisputeId} opened: {string.Join("; ", notes)}.");
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Dispute {DisputeId} opened on payment {Payment}: {Orders} orders", opened.DisputeId, opened.PaymentReference, orders.Count);
    }

    public async Task CloseAsync(DisputeClosed closed, PaymentEvent cause, CancellationToken cancellationToken)
    {
        var (orders, payouts) = await LoadAsync(closed.PaymentReference, cancellationToken);
        var notes = new List<string>();
        foreach (var order in orders)
        {
            if (order.IsDisputed)
            {
                order.CloseDispute();
            }

            var payout = payouts.Find(p => p.OrderId == order.Id);
            var heldForThis = payout is { OnHold: true } && payout.HoldReason?.StartsWith($"{HoldPrefix} {closed.DisputeId}", StringComparison.Ordinal) == true;
            string note;
            if (heldForThis && closed.SellerKeepsTheMoney)
            {
                payout!.ReleaseHold();
                note = "hold released";
            }
            else
            {
                note = heldForThis ? "payout stays on hold for an admin (dispute lost)" : "no hold to release";
            }

            notes.Add($"{order.DisplayNumber}: {note}");
            db.AuditEntries.Add(AuditEntry.Record(
                null, "order.dispute-closed", "Order", order.DisplayNumber, closed.Outcome, null,
                JsonSerializer.Serialize(new { disputeId = closed.DisputeId, outcome = closed.Outcome, payout = note }), clock));
        }

        Finish(cause, orders.Count == 0 ? "Ignored: no checkout was paid with this payment." : $"Dispute {closed.DisputeId} closed ({closed.Outcome}): {string.Join("; ", notes)}.");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<(List<Domain.Ordering.Order> Orders, List<Payout> Payouts)> LoadAsync(string paymentReference, CancellationToken cancellationToken)
    {
        var checkoutIds = await db.Checkouts.AsNoTracking().Where(c => c.PaymentReference == paymentReference).Select(c => c.Id).ToListAsync(cancellationToken);
        var orders = await db.Orders.Where(o => checkoutIds.Contains(o.CheckoutId)).OrderBy(o => o.Number).ToListAsync(cancellationToken);
        var orderIds = orders.Select(o => o.Id).ToList();
        var payouts = await db.Payouts.Where(p => orderIds.Contains(p.OrderId)).ToListAsync(cancellationToken);
        return (orders, payouts);
    }

    private void Finish(PaymentEvent cause, string outcome) => cause.MarkApplied(outcome, clock.GetUtcNow().UtcDateTime);
}
