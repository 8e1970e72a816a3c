using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Areas.Seller.Pages.Orders;

/// <summary>The seller's orders by status, newest first, a page at a time.</summary>
public sealed class IndexModel(RuralMarketDbContext db) : SellerPageModel
{
    public const int PageSize = 20;

    public sealed record OrderRow(long Number, string BuyerName, FulfilmentMethod Method, Money Total, OrderStatus Status, DateTime PlacedAt, List<LineSummary> Lines)
    {
        public string Items => SellerOrderText.Items(Lines.Select(l => (l.Quantity, l.Title)).ToList());
    }

    public sealed record LineSummary(int Quantity, string Title);

    public SellerOrderText.Tab Tab { get; private set; } = SellerOrderText.Tabs[0];

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalPages { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(string? status, [FromQuery(Name = "page")] int pageNumber = 1, CancellationToken cancellationToken = default)
    {
        if (SellerOrderText.FindTab(status) is not { } tab || pageNumber < 1)
        {
            return NotFound();
        }

        Tab = tab;
        var sellerId = Seller.Id;
        // Unpaid checkouts are not work for the seller; orders that lapsed unpaid are not theirs to see either.
        var mine = db.Orders.AsNoTracking().Where(o => o.SellerId == sellerId && o.PaidAt != null);
        var counts = await mine.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Counts = SellerOrderText.Tabs.ToDictionary(
            t => t.Key ?? "",
            t => counts.Where(c => t.Key is null || t.Statuses.Contains(c.Status)).Sum(c => c.Count));

        var total = Counts[tab.Key ?? ""];
        TotalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber > TotalPages)
        {
            return NotFound();
        }

        PageNumber = pageNumber;
        var statuses = tab.Statuses;
        var filtered = statuses.Length == 0 ? mine : mine.Where(o => statuses.Contains(o.Status));
        Orders = await filtered
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number)
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize)
            .Select(o => new OrderRow(
                o.Number,
                o.Delivery.RecipientName,
                o.Method,
                o.Total,
                o.Status,
                o.CreatedAt,
                o.Lines.OrderBy(l => l.Title).Select(l => new LineSummary(l.Quantity, l.Title)).ToList()))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public string UrlFor(SellerOrderText.Tab tab, int page = 1)
    {
        var query = new List<string>();
        if (tab.Key is not null)
        {
            query.Add($"status={tab.Key}");
        }

        if (page > 1)
        {
            query.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"page={page}"));
        }

        return query.Count == 0 ? "/Seller/Orders" : $"/Seller/Orders?{string.Join('&', query)}";
    }
}
