using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Features.Reports;

/// <summary>What a report points at, as people name it: its title, who sells it, and where to see it.</summary>
public sealed record ReportTargetView(ReportTarget Target, Guid Id, string Title, string SellerName, Guid SellerId, string? Url);

public static class ReportTargets
{
    /// <summary>The word in <c>/report?target=…</c> for each kind of target.</summary>
    public static bool TryParse(string? text, out ReportTarget target)
    {
        target = default;
        return text?.Trim().ToLowerInvariant() switch
        {
            "product" => Set(ReportTarget.Product, out target),
            "video" => Set(ReportTarget.Video, out target),
            "seller" => Set(ReportTarget.Seller, out target),
            _ => false,
        };

        static bool Set(ReportTarget value, out ReportTarget target)
        {
            target = value;
            return true;
        }
    }

    public static string Word(ReportTarget target) => target switch
    {
        ReportTarget.Product => "product",
        ReportTarget.Video => "video",
        _ => "seller",
    };

    public static string Label(ReportReason reason) => reason switch
    {
        ReportReason.Counterfeit => "Counterfeit or not what it claims to be",
        ReportReason.Misleading => "Misleading description or photos",
        ReportReason.Offensive => "Offensive or inappropriate",
        ReportReason.UnsafeFood => "Unsafe food",
        _ => "Something else",
    };

    /// <summary>One query: the target with its seller, or null when there is no such product, video or seller.</summary>
    public static Task<ReportTargetView?> FindAsync(this RuralMarketDbContext db, ReportTarget target, Guid id, CancellationToken cancellationToken) =>
        target switch
        {
            ReportTarget.Product => db.Products.AsNoTracking()
                .Where(p => p.Id == id)
                .Join(db.Sellers, p => p.SellerId, s => s.Id, (p, s) => new { p.Title, p.Slug, SellerName = s.Name, SellerId = s.Id, SellerSlug = s.Slug })
                .Select(x => new ReportTargetView(ReportTarget.Product, id, x.Title, x.SellerName, x.SellerId, StorefrontUrls.Product(x.SellerSlug, x.Slug)))
                .SingleOrDefaultAsync(cancellationToken),
            ReportTarget.Video => db.Videos.AsNoTracking()
                .Where(v => v.Id == id)
                .Join(db.Sellers, v => v.SellerId, s => s.Id, (v, s) => new { v.Title, SellerName = s.Name, SellerId = s.Id, SellerSlug = s.Slug })
                .Select(x => new ReportTargetView(ReportTarget.Video, id, x.Title, x.SellerName, x.SellerId, StorefrontUrls.Seller(x.SellerSlug)))
                .SingleOrDefaultAsync(cancellationToken),
            ReportTarget.Seller => db.Sellers.AsNoTracking()
                .Where(s => s.Id == id)
                .Select(s => new ReportTargetView(ReportTarget.Seller, id, s.Name, s.Name, s.Id, StorefrontUrls.Seller(s.Slug)))
                .SingleOrDefaultAsync(cancellationToken),
            _ => Task.FromResult<ReportTargetView?>(null),
        };
}
