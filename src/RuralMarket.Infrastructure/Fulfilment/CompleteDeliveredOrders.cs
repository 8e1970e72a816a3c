using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// Completes delivered or picked-up orders <see cref="FulfilmentWorkerOptions.AutoCompleteAfter"/> after they
/// reached the buyer, unless the buyer reported a problem or a payment dispute is open; completion makes the
/// payout releasable. Each order in its own scope and save: the version token lets one of two racing
/// workers win and the other skip.
/// </summary>
public sealed class CompleteDeliveredOrders(
    RuralMarketDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<FulfilmentWorkerOptions> options,
    Settings.PlatformSettings platform,
    ILogger<CompleteDeliveredOrders> logger) : IPeriodicTask
{
    private const int BatchSize = 100;

    public TimeSpan Interval => options.Value.SweepInterval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - (await platform.FulfilmentAsync(cancellationToken)).AutoCompleteAfter;
        var due = await Due(db, cutoff)
            .OrderBy(o => o.DeliveredAt)
            .Select(o => o.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var orderId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var scopedDb = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            try
            {
                var order = await Due(scopedDb, cutoff).Where(o => o.Id == orderId).SingleOrDefaultAsync(cancellationToken);
                if (order is null)
                {
                    continue;
                }

                await scope.ServiceProvider.GetRequiredService<OrderCompletion>().CompleteAsync(order, null, cancellationToken);
                await scopedDb.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Order {OrderId} completed automatically", orderId);
            }
            catch (Exception ex) when (ex is DbUpdateException or DomainException)
            {
                // A version conflict, or the dedup key of the email a racing worker just wrote: it completed the order.
                logger.LogInformation(ex, "Order {OrderId} changed while being completed automatically; skipped", orderId);
            }
        }
    }

    private static IQueryable<Order> Due(RuralMarketDbContext db, DateTime cutoff) =>
        db.Orders.Where(o => (o.Status == OrderStatus.Delivered || o.Status == OrderStatus.PickedUp)
            && o.DeliveredAt <= cutoff && !o.ProblemReported && !o.IsDisputed);
}
