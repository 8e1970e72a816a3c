using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Infrastructure.Ordering;

/// <summary>
/// Scheduled with each checkout for the moment its time to pay runs out. It doubles as the checkout's
/// idempotency record: its dedup key names the cart version the checkout was placed from.
/// </summary>
public sealed record ExpireCheckout(Guid CheckoutId) : IJob
{
    public static string JobType => "checkout.expire";

    public static string DedupKeyFor(Guid cartId, int cartVersion) => $"checkout:cart:{cartId:N}:v{cartVersion}";
}

public sealed class ExpireCheckoutHandler(RuralMarketDbContext db, CheckoutSettlement settlement, TimeProvider clock) : IJobHandler<ExpireCheckout>
{
    public async Task HandleAsync(ExpireCheckout job, CancellationToken cancellationToken)
    {
        var lapsed = await db.Checkouts.AnyAsync(
            c => c.Id == job.CheckoutId && c.Status == CheckoutStatus.AwaitingPayment && c.ExpiresAt <= clock.GetUtcNow().UtcDateTime,
            cancellationToken);
        if (lapsed)
        {
            await settlement.AbandonAsync(job.CheckoutId, CheckoutStatus.Expired, null, null, cancellationToken);
        }
    }
}

/// <summary>
/// The safety net behind the per-checkout job: every interval, expires unpaid checkouts whose time ran out
/// and releases their stock. Safe in several workers at once: each checkout is settled in its own scope
/// and transaction, and the loser of a race on the checkout's version changes nothing.
/// </summary>
public sealed class ExpireUnpaidCheckouts(
    RuralMarketDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<PaymentOptions> options,
    ILogger<ExpireUnpaidCheckouts> logger) : IPeriodicTask
{
    private const int BatchSize = 100;

    public TimeSpan Interval => options.Value.ExpirySweepInterval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lapsed = await db.Checkouts.AsNoTracking()
            .Where(c => c.Status == CheckoutStatus.AwaitingPayment && c.ExpiresAt <= now)
            .OrderBy(c => c.ExpiresAt)
            .Select(c => c.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var checkoutId in lapsed)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<CheckoutSettlement>()
                    .AbandonAsync(checkoutId, CheckoutStatus.Expired, null, null, cancellationToken);
            }
            catch (InvalidOperationException ex) when (ex.InnerException is DbUpdateConcurrencyException)
            {
                logger.LogInformation("Checkout {CheckoutId} was settled by another worker first", checkoutId);
            }
        }
    }
}
