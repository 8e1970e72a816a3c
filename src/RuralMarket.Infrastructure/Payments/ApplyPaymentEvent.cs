using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Ordering;

namespace RuralMarket.Infrastructure.Payments;

/// <summary>Applies one inbox row. Enqueued in the same save that stored the row.</summary>
public sealed record ApplyPaymentEvent(Guid PaymentEventId) : IJob
{
    public static string JobType => "payments.apply-event";
}

/// <summary>
/// Idempotent and forward-only: an applied row is skipped, and the settlement ignores events that would
/// move a checkout backwards (a decline after the payment, an expiry after the payment, a second expiry).
/// Where an event may be stale (account updates) or lacks what we need (the charge behind a payment), the
/// provider is asked again. A failure (provider down) throws, and the job queue retries with back-off.
/// </summary>
public sealed class ApplyPaymentEventHandler(
    RuralMarketDbContext db,
    CheckoutSettlement settlement,
    IPaymentProvider payments,
    PaymentDisputes disputes,
    SellerPayoutAccounts sellerAccounts) : IJobHandler<ApplyPaymentEvent>
{
    public async Task HandleAsync(ApplyPaymentEvent job, CancellationToken cancellationToken)
    {
        var received = await db.PaymentEvents.SingleOrDefaultAsync(e => e.Id == job.PaymentEventId, cancellationToken);
        if (received is null || received.AppliedAt is not null)
        {
            return;
        }

        switch (NormalizedPaymentEvent.FromJson(received.Payload))
        {
            case CheckoutPaid paid:
                var charge = paid.ProviderPaymentId is { } paymentId ? await payments.FindPaymentReferenceAsync(paymentId, cancellationToken) : null;
                await settlement.MarkPaidAsync(paid.CheckoutId, charge, received, cancellationToken);
                break;
            case CheckoutPaymentPending:
                await settlement.RecordOnlyAsync(received, "Waiting: the buyer paid with a method that clears later.", cancellationToken);
                break;
            case CheckoutFailed failed:
                await settlement.AbandonAsync(failed.CheckoutId, CheckoutStatus.Failed, failed.Reason, received, cancellationToken);
                break;
            case CheckoutExpired expired:
                await settlement.AbandonAsync(expired.CheckoutId, CheckoutStatus.Expired, null, received, cancellationToken);
                break;
            case Refunded refunded:
                await settlement.RecordOnlyAsync(received, await CompareRefundsAsync(refunded, cancellationToken), cancellationToken);
                break;
            case DisputeOpened opened:
                await disputes.OpenAsync(opened, received, cancellationToken);
                break;
            case DisputeClosed closed:
                await disputes.CloseAsync(closed, received, cancellationToken);
                break;
            case SellerAccountUpdated account:
                await sellerAccounts.ApplyAsync(account, received, cancellationToken);
                break;
            default:
                await settlement.RecordOnlyAsync(received, "Stored; nothing to apply for this event type.", cancellationToken);
                break;
        }
    }

    /// <summary>Our refunds are recorded when we make them; the provider's total says whether someone refunded elsewhere (its dashboard).</summary>
    private async Task<string> CompareRefundsAsync(Refunded refunded, CancellationToken cancellationToken)
    {
        var ours = await db.Refunds.AsNoTracking().Where(r => r.CheckoutId == refunded.CheckoutId).Select(r => r.Amount.Amount).ToListAsync(cancellationToken);
        var total = new Domain.Common.Money(refunded.TotalRefundedMinor, refunded.Currency);
        var recorded = new Domain.Common.Money(ours.Sum(), refunded.Currency);
        return recorded == total
            ? $"Refunds agree: {total.Format()} refunded."
            : $"Refunds differ: the provider reports {total.Format()} refunded, we recorded {recorded.Format()}. Check the provider's dashboard.";
    }
}
