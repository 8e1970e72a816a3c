using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Areas.Seller.Pages;

/// <summary>The seller's "today": what needs doing now, how the week went, money on its way, what is running out.</summary>
public sealed class IndexModel(RuralMarketDbContext db, TimeProvider clock) : SellerPageModel
{
    public const int LowStockAt = 5;

    public sealed record LowStockProduct(Guid Id, string Title, int Stock);

    public int ToPrepare { get; private set; }

    public int ToShip { get; private set; }

    public int AwaitingPickup { get; private set; }

    public int OutForDelivery { get; private set; }

    public int OrdersThisWeek { get; private set; }

    public IReadOnlyList<Money> SalesThisWeek { get; private set; } = [];

    public IReadOnlyList<Money> PayoutsOnTheWay { get; private set; } = [];

    public IReadOnlyList<Money> PayoutsPaid { get; private set; } = [];

    public IReadOnlyList<LowStockProduct> LowStock { get; private set; } = [];

    public bool NothingToDo => ToPrepare + ToShip + AwaitingPickup + OutForDelivery == 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sellerId = Seller.Id;
        var open = await db.Orders.AsNoTracking()
            .Where(o => o.SellerId == sellerId && (o.Status == OrderStatus.Paid || o.Status == OrderStatus.Preparing
                || o.Status == OrderStatus.ReadyForPickup || o.Status == OrderStatus.OutForDelivery))
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(OrderStatus status) => open.FirstOrDefault(o => o.Status == status)?.Count ?? 0;
        ToPrepare = Count(OrderStatus.Paid);
        ToShip = Count(OrderStatus.Preparing);
        AwaitingPickup = Count(OrderStatus.ReadyForPickup);
        OutForDelivery = Count(OrderStatus.OutForDelivery);

        var weekAgo = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        var week = await db.Orders.AsNoTracking()
            .Where(o => o.SellerId == sellerId && o.PaidAt >= weekAgo && o.Status != OrderStatus.Cancelled)
            .GroupBy(o => o.Total.Currency)
            .Select(g => new { Currency = g.Key, Amount = g.Sum(o => o.Total.Amount), Count = g.Count() })
            .ToListAsync(cancellationToken);
        OrdersThisWeek = week.Sum(w => w.Count);
        SalesThisWeek = week.Select(w => new Money(w.Amount, w.Currency)).ToList();

        var payouts = await db.Payouts.AsNoTracking()
            .Where(p => p.SellerId == sellerId && p.Status != PayoutStatus.Reversed)
            .GroupBy(p => new { p.Status, p.Net.Currency })
            .Select(g => new { g.Key.Status, g.Key.Currency, Amount = g.Sum(p => p.Net.Amount) })
            .ToListAsync(cancellationToken);
        PayoutsOnTheWay = Totals(payouts.Where(p => p.Status != PayoutStatus.Paid).Select(p => (p.Currency, p.Amount)));
        PayoutsPaid = Totals(payouts.Where(p => p.Status == PayoutStatus.Paid).Select(p => (p.Currency, p.Amount)));

        LowStock = await db.Products.AsNoTracking()
            .Where(p => p.SellerId == sellerId && p.Status == ProductStatus.Active && p.Stock <= LowStockAt)
            .OrderBy(p => p.Stock).ThenBy(p => p.Title)
            .Take(10)
            .Select(p => new LowStockProduct(p.Id, p.Title, p.Stock))
            .ToListAsync(cancellationToken);
    }

    private static List<Money> Totals(IEnumerable<(string Currency, long Amount)> amounts) =>
        amounts.GroupBy(a => a.Currency).Select(g => new Money(g.Sum(a => a.Amount), g.Key)).ToList();
}
