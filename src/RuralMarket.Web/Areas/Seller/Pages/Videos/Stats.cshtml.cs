using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Watch;

namespace RuralMarket.Web.Areas.Seller.Pages.Videos;

/// <summary>
/// How one of the seller's videos is doing: plays, completions (and the rate), tag clicks per product, add-to-carts
/// and orders attributed to it. Another seller's video, or no such video, is 404. Two SQL commands after the seller.
/// </summary>
public sealed class StatsModel(RuralMarketDbContext db) : SellerPageModel
{
    public sealed record Counters(Guid Id, string Title, VideoStatus Status, bool Published, bool IsVisible, long Plays, long Completions, long TagClicks, long AddToCarts, long AttributedOrders)
    {
        /// <summary>"62 %", or a dash before anyone has pressed play.</summary>
        public string CompletionRate => Plays == 0 ? "—" : Math.Min(100, Math.Round(100.0 * Completions / Plays)).ToString("0", CultureInfo.InvariantCulture) + " %";
    }

    public sealed record ProductClicks(Guid ProductId, string Title, int Clicks, int AttributedOrders);

    public Counters Video { get; private set; } = null!;

    public IReadOnlyList<ProductClicks> Products { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var sellerId = Seller.Id;
        var video = await db.Videos.AsNoTracking()
            .Where(v => v.Id == id && v.SellerId == sellerId)
            .Select(v => new Counters(v.Id, v.Title, v.Status, v.Published, v.Status == VideoStatus.Ready && v.Published && v.Moderation == ModerationState.Visible, v.Plays, v.Completions, v.TagClicks, v.AddToCarts, v.AttributedOrders))
            .FirstOrDefaultAsync(cancellationToken);
        if (video is null)
        {
            return NotFound();
        }

        Video = video;
        var clicks = db.VideoTagClicks.Where(c => c.VideoId == id);
        Products = await db.Products.AsNoTracking()
            .Where(p => clicks.Any(c => c.ProductId == p.Id))
            .Select(p => new ProductClicks(p.Id, p.Title, clicks.Count(c => c.ProductId == p.Id), clicks.Count(c => c.ProductId == p.Id && c.AttributedOrderId != null)))
            .ToListAsync(cancellationToken);
        Products = [.. Products.OrderByDescending(p => p.Clicks).ThenBy(p => p.Title, StringComparer.Ordinal)];
        return Page();
    }

    public string VideoPageUrl => VideoUrls.Page(Video.Id);
}
