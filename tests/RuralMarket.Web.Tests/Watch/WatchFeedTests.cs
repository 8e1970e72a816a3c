using System.Net;
using RuralMarket.Testing.Video;
using RuralMarket.Web.Tests.Discover;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Watch;

/// <summary>The watch feed's tabs, its paging, what it never shows, and what it costs in SQL.</summary>
public abstract class WatchFeedTests(AppFactory app)
{
    [Fact]
    public async Task The_newest_tab_shows_published_videos_newest_first_and_never_hidden_unpublished_unready_or_suspended_ones()
    {
        var farm = await app.CreateSellerAsync("Feed Farm");
        var suspended = await app.CreateSellerAsync("Feed Suspended");
        var older = await app.MakeVideoAsync(farm, "Feed older churning");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await app.MakeVideoAsync(farm, "Feed newer milking");
        var hidden = await app.MakeVideoAsync(farm, "Feed hidden video", state: TestVideoState.Hidden);
        var unpublished = await app.MakeVideoAsync(farm, "Feed unpublished video", state: TestVideoState.Unpublished);
        var processing = await app.MakeVideoAsync(farm, "Feed processing video", state: TestVideoState.Processing);
        var ofSuspended = await app.MakeVideoAsync(suspended, "Feed video of a suspended seller");
        await app.SuspendSellerAsync(suspended);

        var browser = app.CreateBrowser();
        var feed = await browser.GetPageAsync("/watch");

        var titles = WatchSteps.FeedTitles(feed);
        titles.Should().ContainInOrder("Feed newer milking", "Feed older churning");
        titles.Should().NotContain(t => t.Contains("hidden") || t.Contains("unpublished") || t.Contains("processing") || t.Contains("suspended"));
        feed.QuerySelector("nav.tabs [aria-current=page]")!.TextContent.Should().Be("Newest");
        var item = feed.QuerySelector($".vp[data-video-id='{newer:N}']")!;
        item.QuerySelector("a.vp-poster")!.GetAttribute("href").Should().Be($"/v/{newer:N}", "without JavaScript the poster opens the video page");
        item.QuerySelector("img")!.GetAttribute("loading").Should().Be("lazy");
        feed.QuerySelectorAll("video").Should().BeEmpty("the feed makes a player only when the viewer presses play");

        foreach (var invisible in new[] { hidden, unpublished, processing, ofSuspended })
        {
            await browser.GetPageAsync($"/v/{invisible:N}", HttpStatusCode.NotFound);
        }

        await browser.GetPageAsync($"/v/{older:N}");
    }

    [Fact]
    public async Task The_near_me_tab_asks_for_a_location_then_puts_the_nearest_sellers_videos_first()
    {
        var browser = app.CreateBrowser();
        var ask = await browser.GetPageAsync("/watch?tab=near");
        ask.QuerySelector("main")!.TextContent.Should().Contain("Where are you?");
        ask.QuerySelector("a[href^='/near-me']").Should().NotBeNull();

        // Black River Jerseys farms near Craftsbury, VT; Lucero Chile Farm is in New Mexico.
        var nearby = await app.MakeVideoAsync(new TestSeller(Guid.Empty, "Black River Jerseys", "black-river-jerseys", ""), "Near tab Vermont cows");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.MakeVideoAsync(new TestSeller(Guid.Empty, "Lucero Chile Farm", "lucero-chile-farm", ""), "Near tab New Mexico chiles");
        var nearMe = await browser.GetPageAsync("/near-me");
        (await browser.SubmitAsync(nearMe, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "05826" })).Dispose();

        var feed = await browser.GetPageAsync("/watch?tab=near");

        // Other tests' sellers (in Vermont too) may fill the first page; what matters is the order by distance.
        var titles = WatchSteps.FeedTitles(feed);
        titles.Should().Contain("Near tab Vermont cows");
        if (titles.Contains("Near tab New Mexico chiles"))
        {
            titles.Should().ContainInOrder("Near tab Vermont cows", "Near tab New Mexico chiles");
        }

        var distances = feed.QuerySelectorAll(".feed-meta p")
            .Select(p => System.Text.RegularExpressions.Regex.Match(p.TextContent, @"([\d,]+) km away"))
            .Select(m => int.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        distances.Should().HaveCount(titles.Count).And.BeInAscendingOrder();
        feed.QuerySelector($".vp[data-video-id='{nearby:N}']")!.ParentElement!.TextContent.Should().MatchRegex(@"\d km away");
        feed.QuerySelector("nav.tabs [aria-current=page]")!.TextContent.Should().Be("Near me");
    }

    [Fact]
    public async Task The_following_tab_shows_only_the_sellers_a_signed_in_buyer_follows()
    {
        var followed = await app.CreateSellerAsync("Followed Creamery");
        var other = await app.CreateSellerAsync("Unfollowed Orchard");
        await app.MakeVideoAsync(followed, "Following tab cheese turning");
        await app.MakeVideoAsync(other, "Following tab apple picking");

        var anonymous = await app.CreateBrowser().GetPageAsync("/watch?tab=following");
        anonymous.QuerySelector("main a[href^='/Account/SignIn']").Should().NotBeNull();
        WatchSteps.FeedTitles(anonymous).Should().BeEmpty();

        var buyer = await app.SignInAsync($"follower.{Guid.NewGuid():N}@example.com");
        var none = await buyer.GetPageAsync("/watch?tab=following");
        none.QuerySelector("main")!.TextContent.Should().Contain("have not posted a video yet");

        var shop = await buyer.GetPageAsync($"/s/{followed.Slug}");
        using (var followResponse = await buyer.SubmitAsync(shop, "form.follow", new Dictionary<string, string>()))
        {
            followResponse.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var feed = await buyer.GetPageAsync("/watch?tab=following");
        WatchSteps.FeedTitles(feed).Should().Equal("Following tab cheese turning");
    }

    [Fact]
    public async Task The_feed_is_paged_and_a_page_past_the_end_is_not_found()
    {
        var seller = await app.CreateSellerAsync("Paging Dairy");
        for (var i = 0; i < Pages.Watch.IndexModel.PageSize + 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(1));
            await app.MakeVideoAsync(seller, $"Paging video {i:00}");
        }

        var browser = app.CreateBrowser();
        var first = await browser.GetPageAsync("/watch");
        var firstTitles = WatchSteps.FeedTitles(first);
        firstTitles.Should().HaveCount(Pages.Watch.IndexModel.PageSize).And.StartWith($"Paging video {Pages.Watch.IndexModel.PageSize + 1:00}");
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href");
        next.Should().Be("/watch?page=2");

        var second = await browser.GetPageAsync(next!);
        WatchSteps.FeedTitles(second).Should().NotIntersectWith(firstTitles).And.Contain("Paging video 01");
        await browser.GetPageAsync("/watch?page=500", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/watch?tab=sideways", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feed_and_video_pages_run_the_same_number_of_sql_commands_after_the_videos_grow()
    {
        var seller = await app.CreateSellerAsync("Growth Goats");
        var cheese = await app.CreateProductAsync(seller, "Growth chevre", 900, 20);
        var first = await app.MakeVideoAsync(seller, "Growth first video", [cheese]);
        var pages = new[] { "/watch", "/watch?tab=near", $"/v/{first:N}", $"/s/{seller.Slug}", $"/p/{seller.Slug}/{cheese.Slug}" };
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app);
        var browser = counted.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", "rm.loc=44.6|-72.4|Craftsbury");
        foreach (var url in pages)
        {
            await counter.CommandsForAsync(browser, url); // warm up
        }

        var before = new Dictionary<string, int>();
        foreach (var url in pages)
        {
            before[url] = (await counter.CommandsForAsync(browser, url)).Count;
        }

        for (var i = 0; i < 12; i++)
        {
            await app.MakeVideoAsync(seller, $"Growth more video {i}", [cheese]);
        }

        foreach (var url in pages)
        {
            var commands = await counter.CommandsForAsync(browser, url);
            commands.Should().HaveCount(before[url], "{0} must not run more SQL as videos are added; it ran:\n{1}", url, string.Join("\n---\n", commands));
        }
    }
}

public sealed class SqliteWatchFeedTests(SqliteApp app) : WatchFeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresWatchFeedTests(PostgresApp app) : WatchFeedTests(app), IClassFixture<PostgresApp>;
