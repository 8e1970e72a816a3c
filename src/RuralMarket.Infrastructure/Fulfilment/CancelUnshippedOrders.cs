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
/// Cancels and refunds paid orders not sent out within <see cref="FulfilmentWorkerOptions.AutoCancelAfter"/>
/// of payment, and tells buyer and seller. Each order is cancelled in its own scope and transaction; an order
/// that moved on meanwhile (shipped, cancelled by someone else) is skipped, so a second tick or a second
/// worker refunds nothing twice.
/// </summary>
public sealed class CancelUnshippedOrders(
    RuralMarketDbContext db,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<FulfilmentWorkerOptions> options,
    Settings.PlatformSettings platform,
    ILogger<CancelUnshippedOrders> logger) : IPeriodicTask
{
    private const int BatchSize = 100;

    public TimeSpan Interval => options.Value.SweepInterval;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = await platform.FulfilmentAsync(cancellationToken);
        var cutoff = clock.GetUtcNow().UtcDateTime - settings.AutoCancelAfter;
        var overdue = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Preparing) && o.PaidAt <= cutoff)
            .OrderBy(o => o.PaidAt)
            .Select(o => o.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var reason = $"Not sent out within {FulfilmentEmails.Describe(settings.AutoCancelAfter)} of payment, so it was cancelled automatically and refunded.";
        foreach (var orderId in overdue)
        {
            await using var scope = scopes.CreateAsyncScope();
            var cancellation = scope.ServiceProvider.GetRequiredService<OrderCancellation>();
            try
            {
                var cancelled = await cancellation.CancelAsync(
                    o => o.Id == orderId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Preparing) && o.PaidAt <= cutoff,
                    o => o.Cancel(reason, null, clock),
                    Canceller.Timer,
                    null,
                    cancellationToken);
                if (cancelled)
                {
                    logger.LogInformation("Order {OrderId} cancelled automatically: not sent out in time", orderId);
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or DomainException)
            {
                // A version conflict, or the dedup key of the email a racing worker just wrote: it cancelled the order.
                logger.LogInformation(ex, "Order {OrderId} changed while being cancelled automatically; skipped", orderId);
            }
        }
    }
}
