using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Pages.Orders;

[Authorize]
public sealed class IndexModel(RuralMarketDbContext db) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<OrderRow> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var buyerUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Orders = await db.Orders.AsNoTracking()
            .Where(o => o.BuyerUserId == buyerUserId)
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number)
            .Take(PageSize)
            .Join(db.Sellers, o => o.SellerId, s => s.Id, (o, s) => new OrderRow(o.Number, s.Name, o.CreatedAt, o.Total, o.Status, o.Lines.Sum(l => l.Quantity)))
            .ToListAsync(cancellationToken);
    }

    public sealed record OrderRow(long Number, string SellerName, DateTime PlacedAt, Money Total, OrderStatus Status, int Items);
}
