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
/// move a checkout backwards (a decline after the payment, a second expiry).
/// </summary>
public sealed class ApplyPaymentEventHandler(RuralMarketDbContext db, CheckoutSettlement settlement) : IJobHandler<ApplyPaymentEvent>
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
                await settlement.MarkPaidAsync(paid.CheckoutId, received, cancellationToken);
                break;
            case CheckoutFailed failed:
                await settlement.AbandonAsync(failed.CheckoutId, CheckoutStatus.Failed, failed.Reason, received, cancellationToken);
                break;
            case CheckoutExpired expired:
                await settlement.AbandonAsync(expired.CheckoutId, CheckoutStatus.Expired, null, received, cancellationToken);
                break;
            default:
                // Refunds, disputes and seller accounts are applied by the features that own them.
                await settlement.RecordOnlyAsync(received, "Stored; nothing to apply for this event type yet.", cancellationToken);
                break;
        }
    }
}
