using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RuralMarket.EndToEnd.Tests.Support;
using RuralMarket.Testing.Video;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>
/// A buyer on a phone watches a product's video, jumps to a tagged moment, adds the tagged product to the cart from the
/// video's list, and the seller sees it counted. Also measures (and reports, never asserts) how long the first frame
/// takes over a throttled 1 Mb/s link.
/// </summary>
public abstract partial class ShoppableVideoTests(LiveApp app, ITestOutputHelper output)
{
    private const string SellerSlug = "black-river-jerseys";
    private const string ProductSlug = "dark-maple-syrup-quart";

    [Fact]
    public async Task A_buyer_plays_a_product_video_seeks_from_a_tag_adds_from_the_tag_list_and_the_seller_sees_it_counted()
    {
        var videoId = await TestVideos.MakeAsync(app.Services, SellerSlug, "Boiling sap into syrup",
            [new TestTag(SellerSlug, ProductSlug, 1), new TestTag(SellerSlug, "black-river-tomme", 4)], captions: true);

        await using (var buyer = await app.StartJourneyAsync("video-buyer"))
        {
            var page = buyer.Page;
            await page.GotoAsync($"/p/{SellerSlug}/{ProductSlug}");
            var videos = page.GetByRole(AriaRole.Region, new() { Name = "See it in a video" });
            await Expect(videos.GetByRole(AriaRole.Heading, new() { Name = "In this video" })).ToBeVisibleAsync();
            await buyer.ScreenshotAsync("product-page-with-video", fullPage: true);

            await videos.GetByRole(AriaRole.Button, new() { Name = "Play video" }).TapAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.product-videos video').currentTime > 0.5", null, new() { Timeout = LiveApp.ExpectTimeout });

            await videos.GetByRole(AriaRole.Link, new() { Name = "Watch from 0:04" }).TapAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('.product-videos video').currentTime >= 4", null, new() { Timeout = LiveApp.ExpectTimeout });
            await buyer.ScreenshotAsync("product-video-after-seek");

            await videos.GetByRole(AriaRole.Button, new() { NameRegex = AddSyrupRegex() }).TapAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/p/{SellerSlug}/{ProductSlug}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added 1 × Grade A dark maple syrup");
            await page.GotoAsync("/cart");
            await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Grade A dark maple syrup");

            await page.GotoAsync($"/v/{videoId:N}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Boiling sap into syrup", Level = 1 })).ToBeVisibleAsync();
            await buyer.ScreenshotAsync("video-page", fullPage: true);
            await page.GotoAsync("/watch");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Watch", Level = 1 })).ToBeVisibleAsync();
            await buyer.ScreenshotAsync("watch-feed");
            buyer.Problems.Should().BeEmpty();
        }

        await using var seller = await app.StartJourneyAsync("video-seller");
        await seller.Page.SignInAsAsync(DemoPeople.Seller);
        await seller.Page.OpenAsync($"/Seller/Videos/{videoId}/Stats", "Stats: Boiling sap into syrup");
        var totals = seller.Page.GetByRole(AriaRole.Region, new() { Name = "Totals" });
        await Expect(totals.Locator(".stat:has(dt:text-is('Plays')) dd")).ToHaveTextAsync("1");
        await Expect(totals.Locator(".stat:has(dt:text-is('Added to cart from the video')) dd")).ToHaveTextAsync("1");
        await Expect(totals.Locator(".stat:has(dt:text-is('Product taps')) dd")).ToHaveTextAsync(new Regex("^[1-9]"));
        await Expect(seller.Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Grade A dark maple syrup");
        await seller.ScreenshotAsync("video-stats", fullPage: true);
        seller.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task The_first_frame_over_a_1_Mbps_link_is_measured_and_reported()
    {
        // Its own product, so the journey above still finds exactly one video on the syrup's page.
        const string butter = "jersey-cultured-butter";
        await TestVideos.MakeAsync(app.Services, SellerSlug, "Slow link churning", [new TestTag(SellerSlug, butter, 1)]);
        await using var journey = await app.StartJourneyAsync("video-first-frame");
        var page = journey.Page;
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = 100,
            ["downloadThroughput"] = 1_000_000 / 8,
            ["uploadThroughput"] = 1_000_000 / 8,
        });

        await page.GotoAsync($"/p/{SellerSlug}/{butter}");
        var loaded = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
        await page.EvaluateAsync(@"() => {
            const video = document.querySelector('.product-videos video');
            document.addEventListener('click', () => { window.__pressed = performance.now(); }, { capture: true, once: true });
            video.requestVideoFrameCallback(() => { window.__firstFrame = performance.now(); });
        }");
        await page.GetByRole(AriaRole.Button, new() { Name = "Play video" }).First.TapAsync();
        await page.WaitForFunctionAsync("() => window.__firstFrame !== undefined", null, new() { Timeout = 30_000 });
        var firstFrameMs = await page.EvaluateAsync<double>("() => window.__firstFrame - window.__pressed");
        var source = await page.EvaluateAsync<string>("() => document.querySelector('.product-videos video').currentSrc");
        var hlsJsLoaded = journey.Responses.Any(r => r.Contains("/lib/hls/", StringComparison.Ordinal));

        var report = string.Create(CultureInfo.InvariantCulture,
            $"First frame at 1 Mb/s (+100 ms latency, cache off): {firstFrameMs:0} ms from pressing play (page load event {loaded:0} ms); source {new Uri(source).AbsolutePath}; hls.js loaded: {hlsJsLoaded}");
        output.WriteLine(report);
        Directory.CreateDirectory(Journey.ScreenshotDirectory);
        await File.AppendAllTextAsync(Path.Combine(Journey.ScreenshotDirectory, "first-frame.txt"), $"{app.Provider}: {report}{Environment.NewLine}");
        firstFrameMs.Should().BePositive("a frame was shown after the press");
        await page.EvaluateAsync("() => document.querySelector('.product-videos video').pause()");

        // The media element cancels its own segment requests when it pauses or the page closes; anything else is a problem.
        journey.Problems.Where(p => !(p.Contains("/media/videos/", StringComparison.Ordinal) && p.EndsWith("net::ERR_ABORTED", StringComparison.Ordinal)))
            .Should().BeEmpty();
    }

    // The visually hidden product name is a separate box, so Chromium may put a space before its colon.
    [GeneratedRegex(@"^Add to cart\s*: Grade A dark maple syrup$")]
    private static partial Regex AddSyrupRegex();
}

public sealed class SqliteShoppableVideoTests(SqliteLiveApp app, ITestOutputHelper output) : ShoppableVideoTests(app, output), IClassFixture<SqliteLiveApp>;

public sealed class PostgresShoppableVideoTests(PostgresLiveApp app, ITestOutputHelper output) : ShoppableVideoTests(app, output), IClassFixture<PostgresLiveApp>;
