using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video.Analytics;

/// <summary>
/// A checkout was paid: credit each video whose tagged product the buyer tapped within
/// <see cref="VideoTagClick.AttributionWindow"/> before paying with the order that bought it.
/// Enqueued in the same save that marks the checkout paid (one job per checkout, by its dedup key).
/// </summary>
public sealed record AttributeVideoOrders(Guid CheckoutId) : IJob
{
    public static string JobType => "video.attribute-orders";

    public static string DedupKeyFor(Guid checkoutId) => $"video:attribute:{checkoutId:N}";
}

/// <summary>
/// One order counts once per video however many of its lines the video tagged; each click is credited with one
/// order at most (the newest eligible click per product is used). The marks and the counters commit together;
/// a retry finds the clicks already marked and counts nothing twice.
/// </summary>
public sealed class AttributeVideoOrdersHandler(RuralMarketDbContext db, ILogger<AttributeVideoOrdersHandler> logger) : IJobHandler<AttributeVideoOrders>
{
    public async Task HandleAsync(AttributeVideoOrders job, CancellationToken cancellationToken)
    {
        var checkout = await db.Checkouts.AsNoTracking()
            .Where(c => c.Id == job.CheckoutId && c.Status == CheckoutStatus.Paid)
            .Select(c => new { c.BuyerUserId, c.PaidAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (checkout?.PaidAt is not { } paidAt)
        {
            return;
        }

        var orders = await db.Orders.AsNoTracking()
            .Where(o => o.CheckoutId == job.CheckoutId)
            .Select(o => new { o.Id, ProductIds = o.Lines.Select(l => l.ProductId).ToList() })
            .ToListAsync(cancellationToken);
        var lines = orders.SelectMany(o => o.ProductIds.Select(productId => new { OrderId = o.Id, ProductId = productId })).ToList();
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var since = paidAt - VideoTagClick.AttributionWindow;
        var clicks = await db.VideoTagClicks
            .Where(c => c.ViewerKey == checkout.BuyerUserId && productIds.Contains(c.ProductId)
                && c.AttributedOrderId == null && c.ClickedAt >= since && c.ClickedAt <= paidAt)
            .OrderByDescending(c => c.ClickedAt)
            .ToListAsync(cancellationToken);
        if (clicks.Count == 0)
        {
            return;
        }

        var credited = new List<Guid>();
        foreach (var order in lines.GroupBy(l => l.OrderId))
        {
            var bought = order.Select(l => l.ProductId).ToHashSet();
            var eligible = clicks.Where(c => bought.Contains(c.ProductId) && c.CanAttribute(paidAt)).ToList();
            foreach (var video in eligible.GroupBy(c => c.VideoId))
            {
                foreach (var click in video.GroupBy(c => c.ProductId).Select(g => g.First()))
                {
                    click.AttributeTo(order.Key, paidAt);
                }

                credited.Add(video.Key);
            }
        }

        if (credited.Count == 0)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var videoId in credited)
            {
                await db.IncrementAnyAsync(videoId, VideoCounter.AttributedOrders, ct);
            }

            await transaction.CommitAsync(ct);
        }, cancellationToken);
        logger.LogInformation("Checkout {CheckoutId}: {Count} order(s) attributed to videos", job.CheckoutId, credited.Count);
    }
}
