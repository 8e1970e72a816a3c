using System.Net;
using System.Text;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Web.Tests.SellerProducts;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerVideos;

/// <summary>The seller's video list and video page, used without JavaScript, on a really transcoded clip.</summary>
public abstract class SellerVideoPagesTests(AppFactory app)
{
    [Fact]
    public async Task A_ready_video_is_listed_with_its_poster_and_previewed_from_the_mp4_fallback()
    {
        var seller = await app.SellerAsync("Video Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id, "Picking apples");

        var list = await seller.Browser.GetPageAsync("/Seller/Videos");
        list.QuerySelector("a.button[href='/Seller/Videos/Upload']")!.TextContent.Should().Be("Upload a video");
        var row = list.QuerySelectorAll(".seller-video").Should().ContainSingle().Subject;
        row.QuerySelector("a")!.TextContent.Should().Be("Picking apples");
        row.QuerySelector(".badge")!.TextContent.Should().Be("Ready");
        var video = (await app.VideoAsync(id))!;
        row.QuerySelector("img")!.GetAttribute("src").Should().Be("/media/" + video.PosterKey);

        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        var player = page.QuerySelector("video#preview")!;
        player.GetAttribute("preload").Should().Be("none");
        player.GetAttribute("src").Should().Be("/media/" + video.Mp4FallbackKey);
        player.GetAttribute("poster").Should().Be("/media/" + video.PosterKey);
        page.QuerySelector($"a[href='/Seller/Videos/{id}/Stats']")!.TextContent.Should().Be("See how it's doing");

        using var anonymous = app.CreateBrowser();
        using (var mp4 = await anonymous.GetAsync(new Uri(player.GetAttribute("src")!, UriKind.Relative)))
        {
            mp4.StatusCode.Should().Be(HttpStatusCode.OK);
            mp4.Content.Headers.ContentType!.MediaType.Should().Be("video/mp4");
            mp4.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/media/" + video.Mp4FallbackKey, UriKind.Relative)))
        {
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(100, 199);
            using var part = await anonymous.SendAsync(request);
            part.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            (await part.Content.ReadAsByteArrayAsync()).Should().HaveCount(100);
        }

        using var master = await anonymous.GetAsync(new Uri("/media/" + video.MasterPlaylistKey, UriKind.Relative));
        master.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.apple.mpegurl");
        master.Headers.CacheControl!.ToString().Should().Be("public, max-age=30", "playlists are cached briefly");
        var segment = video.Renditions.Single().PlaylistKey.Replace("index.m3u8", "seg-000.m4s", StringComparison.Ordinal);
        using var m4s = await anonymous.GetAsync(new Uri("/media/" + segment, UriKind.Relative));
        m4s.Content.Headers.ContentType!.MediaType.Should().Be("video/iso.segment");
        m4s.Headers.CacheControl!.ToString().Should().Contain("immutable");
    }

    [Fact]
    public async Task The_seller_edits_the_title_and_description()
    {
        var seller = await app.SellerAsync("Title Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id);
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");

        using var saved = await seller.SubmitFormAsync(page, "form[action*='handler=Details']", new() { ["Details.Title"] = "Shearing day", ["Details.Description"] = "Our ewes get their spring haircut." });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await seller.FlashAsync(saved)).Should().Be("Saved.");
        var video = (await app.VideoAsync(id))!;
        (video.Title, video.Description).Should().Be(("Shearing day", "Our ewes get their spring haircut."));

        using var empty = await seller.SubmitFormAsync(await seller.Browser.GetPageAsync($"/Seller/Videos/{id}"), "form[action*='handler=Details']", new() { ["Details.Title"] = " " });
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await empty.ReadPageAsync()).QuerySelector("[data-valmsg-for='Details.Title']")!.TextContent.Should().Be("Give the video a title.");
        (await app.VideoAsync(id))!.Title.Should().Be("Shearing day");
    }

    [Fact]
    public async Task A_product_is_tagged_at_a_second_then_moved_and_removed()
    {
        var seller = await app.SellerAsync("Tag Farm");
        var product = await app.CreateProductAsync(seller.Shop, "Honeycrisp apples", 600, 10);
        var id = await app.UploadVideoAsync(seller.Shop.Id);
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        page.QuerySelector("input[name='NewTag.StartSecond']")!.HasAttribute("data-follow-player").Should().BeTrue("with JavaScript the field follows the player");

        using var tagged = await seller.SubmitFormAsync(page, "form.video-tag-form", new() { ["NewTag.ProductId"] = product.Id.ToString(), ["NewTag.StartSecond"] = "2" });

        tagged.StatusCode.Should().Be(HttpStatusCode.Redirect, (await tagged.ReadPageAsync()).QuerySelector("form.video-tag-form")?.TextContent);
        (await seller.FlashAsync(tagged)).Should().Be("Product tagged.");
        var tag = (await app.VideoAsync(id))!.ProductTags.Should().ContainSingle().Subject;
        (tag.ProductId, tag.StartSecond, tag.EndSecond).Should().Be((product.Id, 2, (int?)null));

        page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        page.QuerySelector(".video-tags li")!.TextContent.Should().Contain("Honeycrisp apples").And.Contain("from 0:02");
        using (var moved = await seller.SubmitFormAsync(page, "form.video-tag-times", new() { ["startSecond"] = "1", ["endSecond"] = "3" }))
        {
            (await seller.FlashAsync(moved)).Should().Be("Tag moved.");
        }

        tag = (await app.VideoAsync(id))!.ProductTags.Single();
        (tag.StartSecond, tag.EndSecond).Should().Be((1, (int?)3));

        page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        using (var removed = await seller.SubmitFormAsync(page, "form[action*='handler=Untag']"))
        {
            (await seller.FlashAsync(removed)).Should().Be("Tag removed.");
        }

        (await app.VideoAsync(id))!.ProductTags.Should().BeEmpty();
    }

    [Fact]
    public async Task Tag_times_outside_the_video_show_the_rule_and_change_nothing()
    {
        var seller = await app.SellerAsync("Late Farm");
        var product = await app.CreateProductAsync(seller.Shop, "Pears", 500, 10);
        var id = await app.UploadVideoAsync(seller.Shop.Id);
        var lastSecond = (int)Math.Ceiling((await app.VideoAsync(id))!.DurationSeconds);
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");

        using var late = await seller.SubmitFormAsync(page, "form.video-tag-form", new() { ["NewTag.ProductId"] = product.Id.ToString(), ["NewTag.StartSecond"] = "99" });
        late.StatusCode.Should().Be(HttpStatusCode.OK);
        (await late.ReadPageAsync()).QuerySelector(".video-tag-form .error[role=alert]")!.TextContent
            .Should().Be($"A tag must start between 0 and {lastSecond} seconds.");

        using var backwards = await seller.SubmitFormAsync(page, "form.video-tag-form", new() { ["NewTag.ProductId"] = product.Id.ToString(), ["NewTag.StartSecond"] = "2", ["NewTag.EndSecond"] = "1" });
        (await backwards.ReadPageAsync()).QuerySelector(".video-tag-form .error[role=alert]")!.TextContent
            .Should().Be($"A tag must end after it starts and no later than {lastSecond} seconds.");

        (await app.VideoAsync(id))!.ProductTags.Should().BeEmpty();
    }

    [Fact]
    public async Task Only_the_sellers_own_products_on_sale_can_be_tagged()
    {
        var seller = await app.SellerAsync("Own Farm");
        var other = await app.CreateSellerAsync("Other Farm");
        var theirs = await app.CreateProductAsync(other, "Their cheese", 900, 5);
        var draft = await app.WithDbAsync(async db =>
        {
            var product = Product.Create(seller.Shop.Id, "Unfinished jam", null, Category.All[0].Id, new Money(400, "USD"), "each", 3, FulfilmentMethod.Pickup, false, SeasonWindow.AllYear, app.Clock);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
        var mine = await app.CreateProductAsync(seller.Shop, "Plum jam", 700, 5);
        var id = await app.UploadVideoAsync(seller.Shop.Id);
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");

        page.QuerySelectorAll("select[name='NewTag.ProductId'] option").Select(o => o.TextContent).Should().Equal("Choose a product…", "Plum jam");
        foreach (var productId in new[] { theirs.Id, draft })
        {
            using var refused = await seller.SubmitFormAsync(page, "form.video-tag-form", new() { ["NewTag.ProductId"] = productId.ToString(), ["NewTag.StartSecond"] = "1" });
            refused.StatusCode.Should().Be(HttpStatusCode.OK);
            (await refused.ReadPageAsync()).QuerySelector(".video-tag-form .error[role=alert]")!.TextContent
                .Should().Be("Choose one of your products that is on sale (published and not hidden).");
        }

        (await app.VideoAsync(id))!.ProductTags.Should().BeEmpty();
        mine.Title.Should().Be("Plum jam");
    }

    [Fact]
    public async Task WebVTT_captions_are_checked_stored_shown_in_the_player_and_replaced()
    {
        var seller = await app.SellerAsync("Caption Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id);
        var url = $"/Seller/Videos/{id}?handler=Captions";

        using (var text = await seller.UploadFileAsync(url, "captions", "notes.vtt", "Hello there"u8.ToArray(), "text/vtt"))
        {
            text.StatusCode.Should().Be(HttpStatusCode.OK);
            (await text.ReadPageAsync()).QuerySelector("#captions ~ .error, section[aria-labelledby=captions] .error")!.TextContent
                .Should().StartWith("That is not a WebVTT captions file");
        }

        using (var huge = await seller.UploadFileAsync(url, "captions", "big.vtt", Encoding.UTF8.GetBytes("WEBVTT\n\n" + new string('a', 300 * 1024)), "text/vtt"))
        {
            (await huge.ReadPageAsync()).QuerySelector("section[aria-labelledby=captions] .error")!.TextContent.Should().Contain("at most 256 KB");
        }

        (await app.VideoAsync(id))!.CaptionsKey.Should().BeNull();
        (await app.StoredVideoFilesAsync(id)).Should().NotContain(k => k.EndsWith(".vtt", StringComparison.Ordinal));

        var vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nGood morning from the farm.\n"u8.ToArray();
        using (var added = await seller.UploadFileAsync(url, "captions", "captions.vtt", vtt, "text/vtt"))
        {
            added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var first = (await app.VideoAsync(id))!.CaptionsKey!;
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        page.QuerySelector("video#preview track[kind=captions]")!.GetAttribute("src").Should().Be("/media/" + first);
        using (var served = await app.CreateBrowser().GetAsync(new Uri("/media/" + first, UriKind.Relative)))
        {
            served.Content.Headers.ContentType!.MediaType.Should().Be("text/vtt");
            (await served.Content.ReadAsByteArrayAsync()).Should().Equal(vtt);
        }

        using (var replaced = await seller.UploadFileAsync(url, "captions", "captions.vtt", vtt, "text/vtt"))
        {
            replaced.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var second = (await app.VideoAsync(id))!.CaptionsKey!;
        second.Should().NotBe(first);
        (await app.StoredVideoFilesAsync(id)).Where(k => k.EndsWith(".vtt", StringComparison.Ordinal)).Should().Equal(second);
    }

    [Fact]
    public async Task A_ready_video_is_published_and_unpublished()
    {
        var seller = await app.SellerAsync("Publish Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id);

        using (var published = await seller.PostAsync($"/Seller/Videos/{id}?handler=Publish", []))
        {
            (await seller.FlashAsync(published)).Should().Be("Published: buyers can watch it now.");
        }

        var video = (await app.VideoAsync(id))!;
        (video.Published, video.IsVisibleInStorefront).Should().Be((true, true));
        (await seller.Browser.GetPageAsync("/Seller/Videos")).QuerySelector(".seller-video .badge")!.TextContent.Should().Be("Published");

        using (var again = await seller.PostAsync($"/Seller/Videos/{id}?handler=Publish", []))
        {
            (await seller.FlashAsync(again)).Should().Be("This video is already published. Nothing was changed.");
        }

        using (var unpublished = await seller.PostAsync($"/Seller/Videos/{id}?handler=Unpublish", []))
        {
            (await seller.FlashAsync(unpublished)).Should().Be("Unpublished: buyers cannot see it any more.");
        }

        (await app.VideoAsync(id))!.Published.Should().BeFalse();
    }

    [Fact]
    public async Task A_failed_video_shows_its_reason_and_can_be_tried_again_while_its_upload_is_kept()
    {
        var seller = await app.SellerAsync("Broken Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id, "Blurry", broken: true);

        var video = (await app.VideoAsync(id))!;
        video.Status.Should().Be(VideoStatus.Failed);
        var row = (await seller.Browser.GetPageAsync("/Seller/Videos")).QuerySelector(".seller-video")!;
        row.QuerySelector(".badge")!.TextContent.Should().Be("Failed");
        row.TextContent.Should().Contain("Reason: " + video.FailureReason);
        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain(video.FailureReason);
        page.QuerySelector("form[action*='handler=Publish']").Should().BeNull("only a ready video can be published");

        using (var retry = await seller.SubmitFormAsync(page, "form[action*='handler=Retry']"))
        {
            (await seller.FlashAsync(retry)).Should().Be("Converting it again. This usually takes a minute or two.");
        }

        (await app.VideoAsync(id))!.Status.Should().Be(VideoStatus.Processing);
        await app.RunJobsAsync();
        (await app.VideoAsync(id))!.Status.Should().Be(VideoStatus.Failed, "the same broken upload fails again");
        (await app.StoredVideoFilesAsync(id)).Should().Equal(video.SourceKey);
    }

    [Fact]
    public async Task Deleting_needs_the_confirmation_and_then_removes_the_row_and_every_file()
    {
        var seller = await app.SellerAsync("Delete Farm");
        var id = await app.UploadVideoAsync(seller.Shop.Id, "Old tour");
        var vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"u8.ToArray();
        (await seller.UploadFileAsync($"/Seller/Videos/{id}?handler=Captions", "captions", "c.vtt", vtt, "text/vtt")).Dispose();
        (await app.StoredVideoFilesAsync(id)).Should().HaveCountGreaterThan(5);

        using (var unconfirmed = await seller.PostAsync($"/Seller/Videos/{id}?handler=Delete", []))
        {
            (await seller.FlashAsync(unconfirmed)).Should().StartWith("Tick “Yes, delete this video”");
        }

        (await app.VideoAsync(id)).Should().NotBeNull();

        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{id}");
        using var deleted = await seller.SubmitFormAsync(page, "form[action*='handler=Delete']", new() { ["confirm"] = "true" });

        deleted.Headers.Location!.ToString().Should().Be("/Seller/Videos");
        (await seller.FlashAsync(deleted)).Should().Be("Deleted “Old tour” and its files.");
        (await app.VideoAsync(id)).Should().BeNull();
        (await app.StoredVideoFilesAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_sellers_video_answers_404_to_every_page_and_form_and_nothing_changes()
    {
        var owner = await app.SellerAsync("Owner Farm");
        var id = await app.UploadVideoAsync(owner.Shop.Id, "Mine");
        var intruder = await app.SellerAsync("Intruder Farm");
        var product = await app.CreateProductAsync(intruder.Shop, "Intruder eggs", 500, 5);
        var before = (await app.VideoAsync(id))!;

        await intruder.Browser.GetPageAsync($"/Seller/Videos/{id}", HttpStatusCode.NotFound);
        (await intruder.Browser.GetPageAsync("/Seller/Videos")).QuerySelectorAll(".seller-video").Should().BeEmpty();
        foreach (var (handler, fields) in new (string, Dictionary<string, string>)[]
        {
            ("Details", new() { ["Details.Title"] = "Hacked", ["Details.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ("Tag", new() { ["NewTag.ProductId"] = product.Id.ToString(), ["NewTag.StartSecond"] = "1" }),
            ("Publish", []),
            ("Retry", []),
            ("RemoveCaptions", []),
            ("Delete", new() { ["confirm"] = "true" }),
        })
        {
            using var response = await intruder.PostAsync($"/Seller/Videos/{id}?handler={handler}", fields);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, handler);
        }

        var after = (await app.VideoAsync(id))!;
        (after.Title, after.Published, after.Version, after.ProductTags.Count).Should().Be((before.Title, before.Published, before.Version, 0));
        (await app.StoredVideoFilesAsync(id)).Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_buyer_is_refused_the_seller_video_pages()
    {
        using var buyer = await app.SignInAsync($"buyer.{Guid.NewGuid():N}@example.com");

        await buyer.GetPageAsync("/Seller/Videos", HttpStatusCode.Forbidden);
        await buyer.GetPageAsync($"/Seller/Videos/{Guid.NewGuid()}", HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteSellerVideoPagesTests(SqliteApp app) : SellerVideoPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSellerVideoPagesTests(PostgresApp app) : SellerVideoPagesTests(app), IClassFixture<PostgresApp>;

/// <summary>The same pages with media in an S3-compatible bucket: previews, captions and deletes reach the bucket.</summary>
public sealed class S3SellerVideoPagesTests(SqliteS3App app) : SellerVideoPagesTests(app), IClassFixture<SqliteS3App>;
