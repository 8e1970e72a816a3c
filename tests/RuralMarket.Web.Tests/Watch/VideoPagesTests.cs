using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Testing.Video;
using RuralMarket.Web.Tests.Cart;
using RuralMarket.Web.Tests.Discover;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Watch;

/// <summary>The video page, videos on product and seller pages, following a seller, and adding to the cart from a video without JavaScript.</summary>
public abstract class VideoPagesTests(AppFactory app)
{
    [Fact]
    public async Task The_video_page_has_a_player_that_works_without_javascript_with_captions_and_the_tagged_products()
    {
        var seller = await app.CreateSellerAsync("Page Creamery");
        var butter = await app.CreateProductAsync(seller, "Cultured butter", 750, 10);
        var cream = await app.CreateProductAsync(seller, "Heavy cream", 500, 0);
        var videoId = await app.MakeVideoAsync(seller, "Churning butter", [butter, cream], captions: true);

        var page = await app.CreateBrowser().GetPageAsync($"/v/{videoId:N}");

        page.QuerySelector("h1")!.TextContent.Should().Be("Churning butter");
        var video = page.QuerySelector("video")!;
        video.GetAttribute("preload").Should().Be("none");
        video.HasAttribute("controls").Should().BeTrue();
        video.HasAttribute("playsinline").Should().BeTrue();
        video.GetAttribute("poster").Should().Be($"/media/videos/{videoId:N}/poster.jpg");
        video.QuerySelector("source")!.GetAttribute("src").Should().Be($"/media/videos/{videoId:N}/video.mp4", "without JavaScript the MP4 plays");
        video.QuerySelector("track[kind=captions]")!.GetAttribute("src").Should().Be($"/media/videos/{videoId:N}/captions.vtt");
        page.QuerySelector("[data-player]")!.GetAttribute("data-hls").Should().Be($"/media/videos/{videoId:N}/master.m3u8");
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")).Should().Contain(s => s!.StartsWith("/js/player.js"))
            .And.NotContain(s => s!.Contains("hls"), "hls.js loads only when the viewer presses play");

        var tags = page.QuerySelectorAll(".vp-tag").ToList();
        tags.Should().HaveCount(2);
        tags[0].QuerySelector("a.vp-time")!.GetAttribute("href").Should().Be($"/v/{videoId:N}#t=1");
        tags[0].QuerySelector("a.vp-time")!.TextContent.Should().Contain("0:01");
        tags[0].TextContent.Should().Contain("Cultured butter").And.Contain("$7.50");
        tags[0].QuerySelector("form.vp-add input[name=videoId]")!.GetAttribute("value").Should().Be(videoId.ToString());
        tags[0].QuerySelector("form.vp-add button")!.HasAttribute("disabled").Should().BeFalse();
        tags[1].QuerySelector("form.vp-add button")!.TextContent.Should().StartWith("Sold out");

        // The media it points at is served with the right types.
        var client = app.CreateBrowser();
        using var playlist = await client.GetAsync(new Uri($"/media/videos/{videoId:N}/master.m3u8", UriKind.Relative));
        playlist.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.apple.mpegurl");
        using var segment = await client.GetAsync(new Uri($"/media/videos/{videoId:N}/240p_000.m4s", UriKind.Relative));
        segment.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Product_pages_show_the_videos_that_tag_the_product_and_seller_pages_show_the_sellers_videos()
    {
        var seller = await app.CreateSellerAsync("Tagged Apiary");
        var honey = await app.CreateProductAsync(seller, "Clover honey", 1200, 10);
        var wax = await app.CreateProductAsync(seller, "Beeswax block", 600, 10);
        await app.MakeVideoAsync(seller, "Pulling honey frames", [honey]);
        await app.MakeVideoAsync(seller, "Rendering wax", [wax]);
        await app.MakeVideoAsync(seller, "Hidden hive tour", [honey], TestVideoState.Hidden);
        var browser = app.CreateBrowser();

        var honeyPage = await browser.GetPageAsync($"/p/{seller.Slug}/{honey.Slug}");
        var videos = honeyPage.QuerySelector("section.product-videos")!;
        videos.QuerySelectorAll("[data-player]").Should().HaveCount(1);
        videos.QuerySelector("video")!.GetAttribute("aria-label").Should().Be("Video: Pulling honey frames");
        videos.QuerySelectorAll(".vp-tag").Should().ContainSingle().Which.TextContent.Should().Contain("Clover honey").And.Contain("$12.00");
        honeyPage.QuerySelector("script[src^='/js/player.js']").Should().NotBeNull();

        var plain = await app.CreateProductAsync(seller, "Plain candle", 400, 10);
        var plainPage = await browser.GetPageAsync($"/p/{seller.Slug}/{plain.Slug}");
        plainPage.QuerySelector("section.product-videos").Should().BeNull();
        plainPage.QuerySelector("script[src^='/js/player.js']").Should().BeNull("pages without a player load no player script");

        var shop = await browser.GetPageAsync($"/s/{seller.Slug}");
        shop.QuerySelectorAll(".video-grid .card-title").Select(t => t.TextContent).Should().BeEquivalentTo("Pulling honey frames", "Rendering wax");
        shop.QuerySelector("a.follow")!.GetAttribute("href").Should().StartWith("/Account/SignIn?ReturnUrl=", "an anonymous visitor signs in to follow");

        await app.SuspendSellerAsync(seller);
        (await browser.GetPageAsync("/watch")).QuerySelector("main")!.TextContent.Should().NotContain("Pulling honey frames");
    }

    [Fact]
    public async Task A_product_page_shows_the_three_newest_videos_that_tag_it_with_only_the_tags_still_for_sale()
    {
        var seller = await app.CreateSellerAsync("Many Takes Dairy");
        var butter = await app.CreateProductAsync(seller, "Farm butter", 800, 10);
        var cream = await app.CreateProductAsync(seller, "Clotted cream", 500, 10);
        foreach (var title in new[] { "Churning day one", "Churning day two", "Churning day three", "Churning day four" })
        {
            await app.MakeVideoAsync(seller, title, [butter, cream]);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await app.HideProductAsync(seller.Slug, cream.Slug);

        var page = await app.CreateBrowser().GetPageAsync($"/p/{seller.Slug}/{butter.Slug}");
        var players = page.QuerySelectorAll("section.product-videos [data-player]").ToList();
        // The first gets the full player; the others wait behind their poster until pressed.
        players.Select(p => p.QuerySelector("video")?.GetAttribute("aria-label") ?? p.QuerySelector("a.vp-poster")!.GetAttribute("data-title")).Should().Equal(
            "Video: Churning day four", "Churning day three", "Churning day two");
        players.Should().AllSatisfy(p => p.QuerySelectorAll(".vp-tag").Should().ContainSingle()
            .Which.TextContent.Should().Contain("Farm butter", "the hidden cream's tag drops out"));
    }

    [Fact]
    public async Task A_buyer_follows_and_unfollows_a_seller_from_the_video_page()
    {
        var seller = await app.CreateSellerAsync("Follow Farm");
        var videoId = await app.MakeVideoAsync(seller, "Follow me around the farm");
        var email = $"fan.{Guid.NewGuid():N}@example.com";
        var buyer = await app.SignInAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var page = await buyer.GetPageAsync($"/v/{videoId:N}");
        using (var follow = await buyer.SubmitAsync(page, "form.follow", new Dictionary<string, string>()))
        {
            follow.StatusCode.Should().Be(HttpStatusCode.Redirect);
            follow.Headers.Location!.OriginalString.Should().Be($"/v/{videoId:N}");
        }

        (await app.WithDbAsync(db => db.SellerFollows.CountAsync(f => f.UserId == userId && f.SellerId == seller.Id))).Should().Be(1);
        var following = await buyer.GetPageAsync($"/v/{videoId:N}");
        following.QuerySelector("form.follow button")!.TextContent.Should().StartWith("Following");
        following.QuerySelector(".flash")!.TextContent.Should().Contain($"You follow {seller.Name}");

        using (var unfollow = await buyer.SubmitAsync(following, "form.follow", new Dictionary<string, string>()))
        {
            unfollow.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await app.WithDbAsync(db => db.SellerFollows.CountAsync(f => f.UserId == userId))).Should().Be(0);
        (await buyer.GetPageAsync($"/v/{videoId:N}")).QuerySelector("form.follow button")!.TextContent.Should().StartWith("Follow");

        // Anonymous posts are sent to sign in; nothing is written.
        using var anonymous = await app.CreateBrowser().PostAsync(new Uri($"/follow/{seller.Id:N}", UriKind.Relative), new FormUrlEncodedContent([]));
        anonymous.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.SellerFollows.CountAsync(f => f.SellerId == seller.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Adding_to_the_cart_from_a_video_without_javascript_returns_to_the_page_and_counts_for_the_video()
    {
        var seller = await app.CreateSellerAsync("Cart Video Farm");
        var eggs = await app.CreateProductAsync(seller, "Duck eggs", 800, 10);
        var videoId = await app.MakeVideoAsync(seller, "Collecting duck eggs", [eggs]);
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync($"/v/{videoId:N}");

        using var response = await browser.SubmitAsync(page, "form.vp-add", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be($"/v/{videoId:N}");
        var back = await browser.GetPageAsync($"/v/{videoId:N}");
        back.QuerySelector(".flash")!.TextContent.Should().Contain("Added 1 × Duck eggs");
        (await browser.GetPageAsync("/cart")).QuerySelector("main")!.TextContent.Should().Contain("Duck eggs");
        var numbers = await app.NumbersAsync(videoId);
        numbers.AddToCarts.Should().Be(1);
        numbers.TagClicks.Should().Be(1);
        var click = (await app.TagClicksAsync(videoId)).Single();
        click.ProductId.Should().Be(eggs.Id);
        click.ViewerKey.Should().StartWith("anon:", "an anonymous visitor is known by a key derived from their new cart cookie");

        // A product the video does not tag is still added, but does not count for the video.
        var other = await app.CreateProductAsync(seller, "Goose eggs", 900, 10);
        using var untagged = await browser.AddToCartAsync(other.Id, extraFields: new Dictionary<string, string> { ["videoId"] = videoId.ToString(), ["returnUrl"] = $"/v/{videoId:N}" });
        untagged.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.NumbersAsync(videoId)).AddToCarts.Should().Be(1);
    }
}

public sealed class SqliteVideoPagesTests(SqliteApp app) : VideoPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVideoPagesTests(PostgresApp app) : VideoPagesTests(app), IClassFixture<PostgresApp>;
