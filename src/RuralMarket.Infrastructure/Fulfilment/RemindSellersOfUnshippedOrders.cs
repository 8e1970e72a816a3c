using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Fulfilment;

/// <summary>
/// Emails the seller once about each paid order still not sent out after <see cref="FulfilmentWorkerOptions.ReminderAfter"/>.
/// "Once" is the email job's dedup key (unique in the jobs table): a second tick, or a second worker racing
/// this one, finds the key taken and sends nothing.
/// </summary>
public sealed class RemindSellersOfUnshippedOrders(
    RuralMarketDbContext db,
    TimeProvider clock,
    IOptions<FulfilmentWorkerOptions> options,
    Settings.PlatformSettings platform,
    ILogger<RemindSellersOfUnshippedOrders> logger) : IPeriodicTask
{
    private const int BatchSize = 200;

    public TimeSpan Interval => options.Value.SweepInterval;

    public static string DedupKey(Guid orderId) => $"email:order-reminder:{orderId:N}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = await platform.FulfilmentAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var remindBefore = now - settings.ReminderAfter;
        var cancelBefore = now - settings.AutoCancelAfter;
        var waiting = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Preparing) && o.PaidAt <= remindBefore && o.PaidAt > cancelBefore)
            .OrderBy(o => o.PaidAt)
            .Take(BatchSize)
            .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new { o.Id, o.Number, PaidAt = o.PaidAt!.Value, s.OwnerUserId })
            .Join(db.Users, x => x.OwnerUserId, u => u.Id, (x, u) => new { x.Id, x.Number, x.PaidAt, u.Email })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var keys = waiting.Select(w => DedupKey(w.Id)).ToList();
        var alreadySent = (await db.Jobs.AsNoTracking().Where(j => keys.Contains(j.DedupKey!)).Select(j => j.DedupKey!).ToListAsync(cancellationToken)).ToHashSet();

        foreach (var order in waiting.Where(w => !alreadySent.Contains(DedupKey(w.Id)) && !string.IsNullOrEmpty(w.Email)))
        {
            db.Jobs.Enqueue(FulfilmentEmails.SellerReminder(order.Email!, Order.FormatNumber(order.Number), order.PaidAt, settings.AutoCancelAfter), now, dedupKey: DedupKey(order.Id));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // The dedup key is taken: another worker reminded the seller a moment ago.
                logger.LogInformation(ex, "Reminder for order {OrderId} was already sent by another worker", order.Id);
                db.ChangeTracker.Clear();
            }
        }
    }
}
