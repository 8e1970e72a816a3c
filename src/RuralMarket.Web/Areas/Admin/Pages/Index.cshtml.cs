using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages;

/// <summary>The admin's first look: what needs a decision, how trade is going, and whether background work is healthy.</summary>
public sealed class IndexModel(RuralMarketDbContext db, ModerationQueue moderationQueue, TimeProvider clock) : AdminPageModel
{
    public int SellersPending { get; private set; }

    public int SellersApproved { get; private set; }

    public int SellersSuspended { get; private set; }

    public int ActiveProducts { get; private set; }

    public int ReportsOpen { get; private set; }

    /// <summary>Hidden products and videos whose seller has fixed them and asked for a review.</summary>
    public int AppealsWaiting { get; private set; }

    public int OrdersToday { get; private set; }

    /// <summary>Paid order totals since Monday 00:00 UTC, one figure per currency.</summary>
    public IReadOnlyList<Money> GmvThisWeek { get; private set; } = [];

    public int JobsPending { get; private set; }

    public int JobsDead { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sellers = await db.Sellers.AsNoTracking()
            .GroupBy(s => s.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        SellersPending = sellers.FirstOrDefault(s => s.Status == SellerStatus.Pending)?.Count ?? 0;
        SellersApproved = sellers.FirstOrDefault(s => s.Status == SellerStatus.Approved)?.Count ?? 0;
        SellersSuspended = sellers.FirstOrDefault(s => s.Status == SellerStatus.Suspended)?.Count ?? 0;
        ActiveProducts = await db.Products.CountAsync(p => p.Status == Domain.Catalog.ProductStatus.Active, cancellationToken);
        ReportsOpen = await db.Reports.CountAsync(r => r.Status == ReportStatus.Open, cancellationToken);
        AppealsWaiting = await moderationQueue.AppealsWaitingAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = now.Date;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        OrdersToday = await db.Orders.CountAsync(o => o.CreatedAt >= today, cancellationToken);
        GmvThisWeek = (await db.Orders.AsNoTracking()
            .Where(o => o.PaidAt >= monday)
            .GroupBy(o => o.Total.Currency)
            .Select(g => new { Currency = g.Key, Amount = g.Sum(o => o.Total.Amount) })
            .ToListAsync(cancellationToken))
            .Select(g => new Money(g.Amount, g.Currency))
            .ToList();

        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Dead)
            .GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        JobsPending = jobs.FirstOrDefault(j => j.Status == JobStatus.Pending)?.Count ?? 0;
        JobsDead = jobs.FirstOrDefault(j => j.Status == JobStatus.Dead)?.Count ?? 0;
    }
}
