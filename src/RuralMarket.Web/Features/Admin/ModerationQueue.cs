using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Pages.Shared;

namespace RuralMarket.Web.Features.Admin;

public sealed record ReportLine(ReportReason Reason, string? Details, DateTime At, string? ReporterEmail);

/// <summary>One reported thing with its open reports, newest report first.</summary>
public sealed record ReportedTarget(
    ReportTarget Target, Guid TargetId, string Title, string? SellerName, Guid? SellerId, string? Url,
    bool IsHidden, bool SellerSuspended, int Count, DateTime Newest, IReadOnlyList<ReportLine> Reports)
{
    public IEnumerable<(ReportReason Reason, int Count)> ReasonCounts =>
        Reports.GroupBy(r => r.Reason).OrderByDescending(g => g.Count()).Select(g => (g.Key, g.Count()));
}

/// <summary>A product or video a moderator has hidden, with where the seller's one appeal stands.</summary>
public sealed record HiddenItem(
    ReportTarget Target, Guid Id, string Title, string SellerName, string? Reason, AppealStatus Appeal, string? AppealNote, DateTime? AppealedAt);

/// <summary>
/// The moderation queue: open reports grouped by what they are about, the target with the newest report first.
/// A fixed handful of SQL commands: the page of groups, their reports, then the products, videos and sellers named.
/// </summary>
public sealed class ModerationQueue(RuralMarketDbContext db)
{
    public const int PageSize = 25;

    public Task<int> OpenTargetsAsync(CancellationToken cancellationToken) =>
        db.Reports.Where(r => r.Status == ReportStatus.Open).Select(r => new { r.Target, r.TargetId }).Distinct().CountAsync(cancellationToken);

    public async Task<IReadOnlyList<ReportedTarget>> PageAsync(int page, CancellationToken cancellationToken)
    {
        var groups = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open)
            .GroupBy(r => new { r.Target, r.TargetId })
            .Select(g => new { g.Key.Target, g.Key.TargetId, Count = g.Count(), Newest = g.Max(r => r.CreatedAt) })
            .OrderByDescending(g => g.Newest).ThenBy(g => g.TargetId)
            .Skip((Math.Max(1, page) - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        if (groups.Count == 0)
        {
            return [];
        }

        var ids = groups.Select(g => g.TargetId).ToList();
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Open && ids.Contains(r.TargetId))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new
            {
                r.Target, r.TargetId,
                Line = new ReportLine(r.Reason, r.Details, r.CreatedAt, db.Users.Where(u => u.Id == r.ReporterUserId).Select(u => u.Email).FirstOrDefault()),
            })
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(ids, cancellationToken);

        return groups.Select(g =>
        {
            var found = names.GetValueOrDefault((g.Target, g.TargetId));
            return new ReportedTarget(
                g.Target, g.TargetId, found?.Title ?? "(no longer exists)", found?.SellerName, found?.SellerId, found?.Url,
                found?.IsHidden ?? false, found?.SellerSuspended ?? false, g.Count, g.Newest,
                reports.Where(r => r.Target == g.Target && r.TargetId == g.TargetId).Select(r => r.Line).ToList());
        }).ToList();
    }

    public async Task<int> AppealsWaitingAsync(CancellationToken cancellationToken) =>
        await db.Products.CountAsync(p => p.Moderation == ModerationState.Hidden && p.Appeal == AppealStatus.Pending, cancellationToken)
        + await db.Videos.CountAsync(v => v.Moderation == ModerationState.Hidden && v.Appeal == AppealStatus.Pending, cancellationToken);

    /// <summary>
    /// Hidden products and videos. With <paramref name="appealsOnly"/>, those whose seller has fixed them and asked
    /// for a review, the longest waiting first; otherwise every hidden one, latest first, which is where they are restored.
    /// </summary>
    public async Task<IReadOnlyList<HiddenItem>> HiddenAsync(bool appealsOnly, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking()
            .Where(p => p.Moderation == ModerationState.Hidden && (!appealsOnly || p.Appeal == AppealStatus.Pending))
            .Join(db.Sellers, p => p.SellerId, s => s.Id, (p, s) => new { p.Id, p.Title, p.HiddenReason, p.Appeal, p.AppealNote, p.AppealedAt, p.UpdatedAt, s.Name });
        var videos = db.Videos.AsNoTracking()
            .Where(v => v.Moderation == ModerationState.Hidden && (!appealsOnly || v.Appeal == AppealStatus.Pending))
            .Join(db.Sellers, v => v.SellerId, s => s.Id, (v, s) => new { v.Id, v.Title, v.HiddenReason, v.Appeal, v.AppealNote, v.AppealedAt, v.CreatedAt, s.Name });
        var productRows = await (appealsOnly ? products.OrderBy(x => x.AppealedAt) : products.OrderByDescending(x => x.UpdatedAt))
            .Take(PageSize).ToListAsync(cancellationToken);
        var videoRows = await (appealsOnly ? videos.OrderBy(x => x.AppealedAt) : videos.OrderByDescending(x => x.CreatedAt))
            .Take(PageSize).ToListAsync(cancellationToken);
        IEnumerable<HiddenItem> items =
        [
            .. productRows.Select(x => new HiddenItem(ReportTarget.Product, x.Id, x.Title, x.Name, x.HiddenReason, x.Appeal, x.AppealNote, x.AppealedAt)),
            .. videoRows.Select(x => new HiddenItem(ReportTarget.Video, x.Id, x.Title, x.Name, x.HiddenReason, x.Appeal, x.AppealNote, x.AppealedAt)),
        ];
        return appealsOnly ? [.. items.OrderBy(i => i.AppealedAt)] : [.. items];
    }

    private sealed record TargetName(string Title, string? SellerName, Guid? SellerId, string? Url, bool IsHidden, bool SellerSuspended);

    private async Task<Dictionary<(ReportTarget, Guid), TargetName>> NamesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<(ReportTarget, Guid), TargetName>();
        var products = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .Join(db.Sellers, p => p.SellerId, s => s.Id, (p, s) => new { p.Id, p.Title, p.Slug, p.Moderation, SellerName = s.Name, SellerId = s.Id, SellerSlug = s.Slug, s.Status })
            .ToListAsync(cancellationToken);
        foreach (var p in products)
        {
            names[(ReportTarget.Product, p.Id)] = new TargetName(p.Title, p.SellerName, p.SellerId, StorefrontUrls.Product(p.SellerSlug, p.Slug), p.Moderation == ModerationState.Hidden, p.Status == SellerStatus.Suspended);
        }

        var videos = await db.Videos.AsNoTracking()
            .Where(v => ids.Contains(v.Id))
            .Join(db.Sellers, v => v.SellerId, s => s.Id, (v, s) => new { v.Id, v.Title, v.Moderation, SellerName = s.Name, SellerId = s.Id, SellerSlug = s.Slug, s.Status })
            .ToListAsync(cancellationToken);
        foreach (var v in videos)
        {
            names[(ReportTarget.Video, v.Id)] = new TargetName(v.Title, v.SellerName, v.SellerId, StorefrontUrls.Seller(v.SellerSlug), v.Moderation == ModerationState.Hidden, v.Status == SellerStatus.Suspended);
        }

        var sellers = await db.Sellers.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Slug, s.Status })
            .ToListAsync(cancellationToken);
        foreach (var s in sellers)
        {
            names[(ReportTarget.Seller, s.Id)] = new TargetName(s.Name, s.Name, s.Id, StorefrontUrls.Seller(s.Slug), false, s.Status == SellerStatus.Suspended);
        }

        return names;
    }
}
