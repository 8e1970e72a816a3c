using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Areas.Admin.Pages;

/// <summary>The admin's first look: what needs a decision and whether background work is healthy.</summary>
public sealed class IndexModel(RuralMarketDbContext db) : PageModel
{
    public int SellersPending { get; private set; }

    public int SellersApproved { get; private set; }

    public int SellersSuspended { get; private set; }

    public int ActiveProducts { get; private set; }

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

        var jobs = await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Pending || j.Status == JobStatus.Dead)
            .GroupBy(j => j.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        JobsPending = jobs.FirstOrDefault(j => j.Status == JobStatus.Pending)?.Count ?? 0;
        JobsDead = jobs.FirstOrDefault(j => j.Status == JobStatus.Dead)?.Count ?? 0;
    }
}
