using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Refunds;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// Transfers each due payout to its seller through the payment provider (idempotency key
/// <c>transfer:{orderId}</c>, so a repeated call moves the money once) and records it paid; a failed
/// transfer is recorded failed (its reason on the payout, for the seller and admins) and retried on a later tick
/// after a doubling back-off. The transfer is the order total less the frozen platform fee (less the seller's
/// share of any partial refund), funded by the checkout's charge (<c>source_transaction</c>). Each payout in its
/// own scope and save: of two workers racing, the version token keeps one result and the other skips.
/// With a real provider a seller whose payout account is not ready keeps the payout releasable (their
/// payouts page says it waits for the account); the test provider needs no account.
/// </summary>
public sealed class ReleasePayouts(
    RuralMarketDbContext db,
    IServiceScopeFactory scopes,
    IPaymentProvider payments,
    TimeProvider clock,
    IOptions<FulfilmentWorkerOptions> options,
    ILogger<ReleasePayouts> logger) : IPeriodicTask
{
    private const int BatchSize = 100;

    public TimeSpan Interval => options.Value.SweepInterval;

    public static string IdempotencyKey(Guid orderId) => $"transfer:{orderId:N}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Payouts.AsNoTracking()
            .Where(p => !p.OnHold && ((p.Status == PayoutStatus.Releasable && p.ReleasableAt <= now) || p.Status == PayoutStatus.Failed))
            .OrderBy(p => p.ReleasableAt)
            .Select(p => new { p.Id, p.Status, p.Attempts, p.LastAttemptAt })
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var candidate in candidates.Where(c => c.Status == PayoutStatus.Releasable || RetryIsDue(c.Attempts, c.LastAttemptAt, now)))
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await ReleaseAsync(scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>(), candidate.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or DomainException)
            {
                // A version conflict, or the dedup key of the email a racing worker just wrote: it released the payout.
                logger.LogInformation(ex, "Payout {PayoutId} changed while being released; skipped", candidate.Id);
            }
        }
    }

    private bool RetryIsDue(int attempts, DateTime? lastAttemptAt, DateTime now) =>
        lastAttemptAt is null || lastAttemptAt.Value + options.Value.RetryDelayAfter(attempts) <= now;

    private async Task ReleaseAsync(RuralMarketDbContext scopedDb, Guid payoutId, CancellationToken cancellationToken)
    {
        var payout = await scopedDb.Payouts.SingleAsync(p => p.Id == payoutId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (payout.OnHold || (payout.Status == PayoutStatus.Failed && !RetryIsDue(payout.Attempts, payout.LastAttemptAt, now)))
        {
            return;
        }

        var context = await scopedDb.Orders.AsNoTracking()
            .Where(o => o.Id == payout.OrderId)
            .Join(scopedDb.Sellers, o => o.SellerId, s => s.Id, (o, s) => new { o.CheckoutId, o.Number, s.Id, s.PayoutAccountId, s.PayoutsEnabled, s.OwnerUserId })
            .Join(scopedDb.Users, x => x.OwnerUserId, u => u.Id, (x, u) => new { x.CheckoutId, x.Number, SellerId = x.Id, x.PayoutAccountId, x.PayoutsEnabled, u.Email })
            .Join(scopedDb.Checkouts, x => x.CheckoutId, c => c.Id, (x, c) => new { x.CheckoutId, x.Number, x.SellerId, x.PayoutAccountId, x.PayoutsEnabled, x.Email, c.PaymentReference })
            .SingleAsync(cancellationToken);
        var order = await scopedDb.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == payout.OrderId, cancellationToken);
        var destination = context.PayoutAccountId is not null && context.PayoutsEnabled
            ? context.PayoutAccountId
            : payments.IsTest ? $"test_acct_{context.SellerId:N}" : null;
        if (destination is null)
        {
            return; // Stays releasable (or failed) until the seller's payout account can receive money.
        }

        if (payout.Status == PayoutStatus.Failed)
        {
            payout.RetryRelease();
        }

        if (!payout.IsDue(clock))
        {
            return;
        }

        var orderNumber = Order.FormatNumber(context.Number);
        // Total less the frozen platform fee, less the seller's share of any partial refund made before the transfer.
        var amount = payout.Net - OrderRefunds.SellerShareOf(order, order.RefundedAmount);
        TransferResult transfer;
        try
        {
            transfer = await payments.TransferAsync(
                new TransferRequest(payout.Id, context.CheckoutId, destination, amount, IdempotencyKey(payout.OrderId), context.PaymentReference, payout.OrderId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            payout.MarkFailed(ex.Message.Length > 900 ? ex.Message[..900] : ex.Message, clock);
            scopedDb.AuditEntries.Add(AuditEntry.Record(null, "payout.failed", "Payout", orderNumber, payout.FailureReason, null, null, clock));
            await scopedDb.SaveChangesAsync(cancellationToken);
            logger.LogWarning(ex, "Transfer for payout {PayoutId} ({Order}) failed after {Attempts} attempts; retried later", payout.Id, orderNumber, payout.Attempts);
            return;
        }

        payout.MarkPaid(transfer.TransferId, transfer.IsTest, clock);
        scopedDb.AuditEntries.Add(AuditEntry.Record(
            null, transfer.IsTest ? "payout.paid.test" : "payout.paid", "Payout", orderNumber, null, null,
            string.Create(CultureInfo.InvariantCulture, $$"""{"transferId":"{{transfer.TransferId}}","amount":{{amount.Amount}},"currency":"{{amount.Currency}}","sourceTransaction":"{{context.PaymentReference}}","test":{{(transfer.IsTest ? "true" : "false")}}}"""),
            clock));
        if (!string.IsNullOrEmpty(context.Email))
        {
            scopedDb.Jobs.Enqueue(FulfilmentEmails.SellerPayoutSent(context.Email, orderNumber, amount, transfer.TransferId, transfer.IsTest), now, dedupKey: $"email:payout-paid:{payout.Id:N}");
        }

        await scopedDb.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Payout {PayoutId} ({Order}) paid as {TransferId}", payout.Id, orderNumber, transfer.TransferId);
    }
}
