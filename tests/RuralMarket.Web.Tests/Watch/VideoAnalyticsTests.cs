using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Testing.Video;
using RuralMarket.Web.Tests.Cart;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Features.Watch;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Watch;

/// <summary>The player's beacons, orders credited to videos, and the seller's stats page.</summary>
public abstract class VideoAnalyticsTests(AppFactory app)
{
    [Fact]
    public async Task A_play_counts_once_per_viewer_every_few_minutes_however_often_the_page_reloads()
    {
        var seller = await app.CreateSellerAsync("Beacon Farm");
        var videoId = await app.MakeVideoAsync(seller, "Beacon video");
        var viewer = app.CreateBrowser();

        for (var i = 0; i < 5; i++)
        {
            (await viewer.BeaconAsync(videoId, "play")).Should().Be(HttpStatusCode.NoContent);
        }

        (await viewer.BeaconAsync(videoId, "complete")).Should().Be(HttpStatusCode.NoContent);
        (await viewer.BeaconAsync(videoId, "complete")).Should().Be(HttpStatusCode.NoContent);
        (await app.NumbersAsync(videoId)).Should().Be(new VideoNumbers(1, 1, 0, 0, 0));

        var signedIn = await app.SignInAsync($"watcher.{Guid.NewGuid():N}@example.com");
        (await signedIn.BeaconAsync(videoId, "play")).Should().Be(HttpStatusCode.NoContent);
        (await app.NumbersAsync(videoId)).Plays.Should().Be(2, "another viewer counts");

        app.Clock.Advance(ViewerEventThrottle.PlayWindow + TimeSpan.FromSeconds(1));
        (await viewer.BeaconAsync(videoId, "play")).Should().Be(HttpStatusCode.NoContent);
        (await app.NumbersAsync(videoId)).Plays.Should().Be(3, "the same viewer counts again after the window");
    }

    [Fact]
    public async Task A_tag_click_is_counted_and_recorded_with_the_viewer_key_never_the_raw_cookie()
    {
        var seller = await app.CreateSellerAsync("Tap Farm");
        var jam = await app.CreateProductAsync(seller, "Tap jam", 650, 10);
        var videoId = await app.MakeVideoAsync(seller, "Tap video", [jam]);

        var email = $"tapper.{Guid.NewGuid():N}@example.com";
        var buyer = await app.SignInAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await buyer.BeaconAsync(videoId, "tagclick", jam.Id)).Should().Be(HttpStatusCode.NoContent);
        (await buyer.BeaconAsync(videoId, "tagclick", jam.Id)).Should().Be(HttpStatusCode.NoContent);

        var anonymous = app.CreateBrowser();
        await anonymous.AddedAsync(jam); // now the visitor has a cart cookie
        (await anonymous.BeaconAsync(videoId, "tagclick", jam.Id)).Should().Be(HttpStatusCode.NoContent);

        (await app.NumbersAsync(videoId)).TagClicks.Should().Be(2, "a double tap within a minute counts once");
        var clicks = await app.TagClicksAsync(videoId);
        clicks.Select(c => c.ViewerKey).Should().HaveCount(2).And.Contain(userId);
        var anonymousKey = clicks.Single(c => c.ViewerKey != userId).ViewerKey;
        anonymousKey.Should().StartWith("anon:");
        var cartTokenHashes = await app.WithDbAsync(db => db.Carts.Where(c => c.AnonymousToken != null).Select(c => c.AnonymousToken!).ToListAsync());
        cartTokenHashes.Should().NotContain(anonymousKey["anon:".Length..], "the viewer key is derived for its own purpose, not the cart's stored hash");
    }

    [Fact]
    public async Task Bad_beacons_are_refused_and_write_nothing()
    {
        var seller = await app.CreateSellerAsync("Refusing Farm");
        var tagged = await app.CreateProductAsync(seller, "Refused tagged", 500, 10);
        var untagged = await app.CreateProductAsync(seller, "Refused untagged", 500, 10);
        var videoId = await app.MakeVideoAsync(seller, "Refusing video", [tagged]);
        var hiddenId = await app.MakeVideoAsync(seller, "Refusing hidden video", [tagged], TestVideoState.Hidden);
        var viewer = app.CreateBrowser();

        (await viewer.BeaconAsync(videoId, "dance")).Should().Be(HttpStatusCode.BadRequest);
        (await viewer.BeaconAsync(videoId, "tagclick")).Should().Be(HttpStatusCode.BadRequest);
        (await viewer.BeaconAsync(videoId, "tagclick", untagged.Id)).Should().Be(HttpStatusCode.BadRequest);
        (await viewer.BeaconAsync(Guid.NewGuid(), "play")).Should().Be(HttpStatusCode.NotFound);
        (await viewer.BeaconAsync(hiddenId, "play")).Should().Be(HttpStatusCode.NotFound);
        (await viewer.BeaconAsync(hiddenId, "tagclick", tagged.Id)).Should().Be(HttpStatusCode.NotFound);
        (await viewer.BeaconAsync(videoId, "play", fromThisSite: false)).Should().Be(HttpStatusCode.Forbidden);
        using (var json = new HttpRequestMessage(HttpMethod.Post, new Uri($"/videos/{videoId:N}/events", UriKind.Relative)) { Content = new StringContent("{\"type\":\"play\"}", System.Text.Encoding.UTF8, "application/json") })
        {
            json.Headers.Add("Sec-Fetch-Site", "same-origin");
            using var response = await viewer.SendAsync(json);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using (var get = await viewer.GetAsync(new Uri($"/videos/{videoId:N}/events", UriKind.Relative)))
        {
            ((int)get.StatusCode).Should().BeOneOf(404, 405);
        }

        (await app.NumbersAsync(videoId)).Should().Be(new VideoNumbers(0, 0, 0, 0, 0));
        (await app.NumbersAsync(hiddenId)).Should().Be(new VideoNumbers(0, 0, 0, 0, 0));
        (await app.TagClicksAsync(videoId)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_purchase_within_seven_days_of_a_tag_click_is_credited_to_the_video_once()
    {
        var seller = await app.CreateSellerAsync("Attribution Farm");
        var cider = await app.CreateProductAsync(seller, "Attribution cider", 900, 50);
        var vinegar = await app.CreateProductAsync(seller, "Attribution vinegar", 700, 50);
        var videoId = await app.MakeVideoAsync(seller, "Pressing cider", [cider, vinegar]);
        var buyer = await app.BuyerAsync();
        (await buyer.Browser.BeaconAsync(videoId, "tagclick", cider.Id)).Should().Be(HttpStatusCode.NoContent);
        (await buyer.Browser.BeaconAsync(videoId, "tagclick", vinegar.Id)).Should().Be(HttpStatusCode.NoContent);
        app.Clock.Advance(TimeSpan.FromDays(6));

        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (cider, 1), (vinegar, 1));
        await PayAsync(buyer);

        (await app.NumbersAsync(videoId)).AttributedOrders.Should().Be(1, "one order with two tagged products counts once");
        var clicks = await app.TagClicksAsync(videoId);
        clicks.Should().OnlyContain(c => c.AttributedOrderId != null);

        // A second order of the same products: those clicks are spent, so it is not credited.
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (cider, 1));
        await PayAsync(buyer);
        (await app.NumbersAsync(videoId)).AttributedOrders.Should().Be(1);
    }

    [Fact]
    public async Task A_purchase_more_than_seven_days_after_the_tag_click_is_not_credited()
    {
        var seller = await app.CreateSellerAsync("Late Farm");
        var flour = await app.CreateProductAsync(seller, "Late flour", 600, 50);
        var videoId = await app.MakeVideoAsync(seller, "Milling flour", [flour]);
        var buyer = await app.BuyerAsync();
        (await buyer.Browser.BeaconAsync(videoId, "tagclick", flour.Id)).Should().Be(HttpStatusCode.NoContent);
        app.Clock.Advance(VideoTagClick.AttributionWindow + TimeSpan.FromHours(1));

        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (flour, 1));
        await PayAsync(buyer);

        (await app.NumbersAsync(videoId)).AttributedOrders.Should().Be(0);
        (await app.TagClicksAsync(videoId)).Single().AttributedOrderId.Should().BeNull();
    }

    [Fact]
    public async Task Taps_made_before_signing_in_are_moved_to_the_account_and_credited()
    {
        var seller = await app.CreateSellerAsync("Anonymous Tap Farm");
        var salsa = await app.CreateProductAsync(seller, "Anonymous salsa", 800, 50);
        var videoId = await app.MakeVideoAsync(seller, "Roasting chiles", [salsa]);
        var email = $"late.signer.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(email);
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync($"/v/{videoId:N}");
        (await browser.SubmitAsync(page, "form.vp-add", new Dictionary<string, string>())).Dispose(); // adds to cart and taps the tag

        var cookies = await browser.SignInAsync(app, email);
        cookies.Should().NotBeEmpty();
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        (await app.TagClicksAsync(videoId)).Single().ViewerKey.Should().Be(userId);

        var buyer = new Buyer(browser, email, userId);
        var cart = await browser.GetPageAsync("/cart");
        cart.QuerySelector("main")!.TextContent.Should().Contain("Anonymous salsa");
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping);
        await PayAsync(buyer);
        (await app.NumbersAsync(videoId)).AttributedOrders.Should().Be(1);
    }

    [Fact]
    public async Task The_stats_page_shows_a_sellers_own_video_and_answers_404_for_anyone_elses()
    {
        var seller = await app.CreateSellerAsync("Stats Farm");
        var pie = await app.CreateProductAsync(seller, "Stats pie", 1500, 10);
        var videoId = await app.MakeVideoAsync(seller, "Baking pies", [pie]);
        var viewer = app.CreateBrowser();
        await viewer.BeaconAsync(videoId, "play");
        await viewer.BeaconAsync(videoId, "complete");
        var page = await viewer.GetPageAsync($"/v/{videoId:N}");
        (await viewer.SubmitAsync(page, "form.vp-add", new Dictionary<string, string>())).Dispose();

        var owner = await app.SignInAsync(seller.OwnerEmail, Roles.Seller);
        var stats = await owner.GetPageAsync($"/Seller/Videos/{videoId}/Stats");

        stats.QuerySelector("h1")!.TextContent.Should().Be("Stats: Baking pies");
        var numbers = stats.QuerySelectorAll(".video-stats .stat").ToDictionary(s => s.QuerySelector("dt")!.TextContent, s => s.QuerySelector("dd")!.TextContent);
        numbers["Plays"].Should().Be("1");
        numbers["Watched to the end"].Should().StartWith("1").And.Contain("100 %");
        numbers["Product taps"].Should().Be("1");
        numbers["Added to cart from the video"].Should().Be("1");
        numbers["Orders from the video"].Should().Be("0");
        stats.QuerySelector("table tbody tr")!.TextContent.Should().Contain("Stats pie");

        var otherSeller = await app.CreateSellerAsync("Nosy Farm");
        var nosy = await app.SignInAsync(otherSeller.OwnerEmail, Roles.Seller);
        await nosy.GetPageAsync($"/Seller/Videos/{videoId}/Stats", HttpStatusCode.NotFound);
        await owner.GetPageAsync($"/Seller/Videos/{Guid.NewGuid()}/Stats", HttpStatusCode.NotFound);
        var buyer = await app.BuyerAsync();
        await buyer.Browser.GetPageAsync($"/Seller/Videos/{videoId}/Stats", HttpStatusCode.Forbidden);
    }

    private async Task PayAsync(Buyer buyer)
    {
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(RuralMarket.Domain.Ordering.CheckoutStatus.Paid);
    }
}

public sealed class SqliteVideoAnalyticsTests(SqliteApp app) : VideoAnalyticsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresVideoAnalyticsTests(PostgresApp app) : VideoAnalyticsTests(app), IClassFixture<PostgresApp>;
