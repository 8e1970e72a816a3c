using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Watch;
using RuralMarket.Web.Infrastructure;
using RuralMarket.Web.Pages.NearMe;

namespace RuralMarket.Web.Pages.Watch;

/// <summary>
/// The watch feed at <c>/watch</c>: ready videos one under the other, <see cref="PageSize"/> a page, on three tabs —
/// newest, near me (by the buyer's saved location) and following (sellers the signed-in person follows). Two SQL
/// commands a page whatever the number of videos (none for a tab that needs a location or a sign-in it lacks).
/// </summary>
[OutputCache(PolicyName = StorefrontCache.Policy)]
public sealed class IndexModel(StorefrontVideos videos, RuralMarketDbContext db) : PageModel
{
    public const int PageSize = 8;

    public const string Newest = "newest";
    public const string Near = "near";
    public const string Following = "following";

    public string Tab { get; private set; } = Newest;

    public int PageNumber { get; private set; } = 1;

    public bool HasNext { get; private set; }

    public BuyerLocation? Location { get; private set; }

    /// <summary>The tab needs something the visitor has not given: a location (near me) or a sign-in (following).</summary>
    public bool NeedsLocation { get; private set; }

    public bool NeedsSignIn { get; private set; }

    public IReadOnlyList<FeedItemView> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? tab, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || page is < 1 || tab is not (null or Newest or Near or Following))
        {
            return NotFound();
        }

        Tab = tab ?? Newest;
        PageNumber = page ?? 1;
        Location = BuyerLocation.From(HttpContext);
        IQueryable<ListedVideo> feed;
        switch (Tab)
        {
            case Near when Location is null:
                NeedsLocation = true;
                return Page();
            case Near:
                feed = StorefrontVideos.Nearest(videos.Listed(), Location!.Point);
                break;
            case Following:
                if (User.Identity?.IsAuthenticated != true || User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
                {
                    NeedsSignIn = true;
                    return Page();
                }

                feed = StorefrontVideos.Newest(videos.Listed().Where(x => db.SellerFollows.Any(f => f.UserId == userId && f.SellerId == x.Seller.Id)));
                break;
            default:
                feed = StorefrontVideos.Newest(videos.Listed());
                break;
        }

        // One more than a page tells whether there is a next page without counting the whole feed.
        var players = await videos.PlayersAsync(feed.Skip((PageNumber - 1) * PageSize).Take(PageSize + 1), cancellationToken);
        if (players.Count == 0 && PageNumber > 1)
        {
            return NotFound();
        }

        HasNext = players.Count > PageSize;
        Items = [.. players.Take(PageSize).Select((p, i) => new FeedItemView(
            p.View with { Lazy = true, HeadingLevel = 3 },
            p.Description,
            p.SellerName,
            p.SellerSlug,
            p.Place,
            Location is null ? null : Location.Point.DistanceKmTo(new GeoPoint(p.Latitude, p.Longitude))))];
        return Page();
    }

    public string UrlFor(string tab, int page = 1)
    {
        var query = new List<string>();
        if (tab != Newest)
        {
            query.Add("tab=" + tab);
        }

        if (page > 1)
        {
            query.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        }

        return query.Count == 0 ? "/watch" : "/watch?" + string.Join("&", query);
    }
}
