using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Media;
using RuralMarket.Testing.Video;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Watch;

public sealed record VideoNumbers(long Plays, long Completions, long TagClicks, long AddToCarts, long AttributedOrders);

/// <summary>Makes ready videos for the test catalog's sellers and drives what player.js would send.</summary>
public static class WatchSteps
{
    public static Task<Guid> MakeVideoAsync(this AppFactory app, TestSeller seller, string title, IReadOnlyList<TestProduct>? tagged = null, TestVideoState state = TestVideoState.Published, bool captions = false) =>
        TestVideos.MakeAsync(
            app.Services,
            seller.Slug,
            title,
            [.. (tagged ?? []).Select((p, i) => new TestTag(p.Seller.Slug, p.Slug, 1 + (2 * i)))],
            state,
            captions);

    public static Task<VideoNumbers> NumbersAsync(this AppFactory app, Guid videoId) =>
        app.WithDbAsync(db => db.Videos.Where(v => v.Id == videoId)
            .Select(v => new VideoNumbers(v.Plays, v.Completions, v.TagClicks, v.AddToCarts, v.AttributedOrders))
            .SingleAsync());

    public static Task<List<VideoTagClick>> TagClicksAsync(this AppFactory app, Guid videoId) =>
        app.WithDbAsync(db => db.VideoTagClicks.AsNoTracking().Where(c => c.VideoId == videoId).OrderBy(c => c.ClickedAt).ToListAsync());

    /// <summary>What navigator.sendBeacon posts from one of the site's pages (the browser says which site).</summary>
    public static async Task<HttpStatusCode> BeaconAsync(this HttpClient browser, Guid videoId, string type, Guid? productId = null, bool fromThisSite = true)
    {
        var fields = new Dictionary<string, string> { ["type"] = type };
        if (productId is { } id)
        {
            fields["productId"] = id.ToString();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/videos/{videoId:N}/events", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Sec-Fetch-Site", fromThisSite ? "same-origin" : "cross-site");
        using var response = await browser.SendAsync(request);
        return response.StatusCode;
    }

    public static Task SuspendSellerAsync(this AppFactory app, TestSeller seller) =>
        app.WithDbAsync(async db =>
        {
            var entity = await db.Sellers.SingleAsync(s => s.Id == seller.Id);
            entity.Suspend("Reported and under review", entity.OwnerUserId, app.Clock);
            return await db.SaveChangesAsync();
        });

    /// <summary>The titles of the videos a feed page shows, in order.</summary>
    public static List<string> FeedTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".feed .feed-title a").Select(a => a.TextContent.Trim())];
}
