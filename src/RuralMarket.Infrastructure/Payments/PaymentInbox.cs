using Microsoft.EntityFrameworkCore;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Payments;

public static class PaymentInbox
{
    /// <summary>
    /// Adds the event to the inbox and its apply job to the unit of work (written by the caller's one
    /// SaveChanges). Returns false when this provider event was already received: nothing is added.
    /// A concurrent duplicate that slips past the check fails on the unique (provider, event id) index.
    /// </summary>
    public static async Task<bool> ReceiveAsync(this RuralMarketDbContext db, string provider, string eventId, NormalizedPaymentEvent normalized, DateTime now, CancellationToken cancellationToken)
    {
        if (await db.PaymentEvents.AnyAsync(e => e.Provider == provider && e.EventId == eventId, cancellationToken))
        {
            return false;
        }

        var received = PaymentEvent.Receive(provider, eventId, normalized.Type, normalized.ToJson(), now);
        db.PaymentEvents.Add(received);
        db.Jobs.Enqueue(new ApplyPaymentEvent(received.Id), now, dedupKey: $"payment-event:{received.Id:N}");
        return true;
    }
}
