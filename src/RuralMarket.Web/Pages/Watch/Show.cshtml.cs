using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Watch;
using RuralMarket.Web.Infrastructure;

namespace RuralMarket.Web.Pages.Watch;

/// <summary>
/// One video at <c>/v/{id}</c>: the player with its tagged products, the seller with a follow button, and more of
/// their videos. Three SQL commands (four for a signed-in viewer: their follow). 404 for a video the storefront
/// does not show.
/// </summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class ShowModel(StorefrontVideos videos, RuralMarketDbContext db) : PageModel
{
    private const int MoreShown = 6;

    public StorefrontVideos.Player Video { get; private set; } = null!;

    public FollowButton Follow { get; private set; } = null!;

    public IReadOnlyList<VideoCardView> More { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await videos.PlayersAsync(videos.Listed().Where(x => x.Video.Id == id), cancellationToken);
        if (found.Count == 0)
        {
            return NotFound();
        }

        Video = found[0];
        Follow = await FollowButton.ForAsync(HttpContext, db, Video.SellerId, Video.SellerName, cancellationToken);
        More = await videos.CardsAsync(
            StorefrontVideos.Newest(videos.Listed().Where(x => x.Video.SellerId == Video.SellerId && x.Video.Id != id)).Take(MoreShown),
            cancellationToken);
        return Page();
    }
}
