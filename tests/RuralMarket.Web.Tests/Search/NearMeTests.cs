using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Search;

public abstract class NearMeTests(AppFactory app)
{
    internal static IEnumerable<string> LocationCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith("rm.loc=", StringComparison.Ordinal)) : [];

    [Fact]
    public async Task A_zip_code_is_remembered_and_puts_the_nearest_sellers_first()
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/near-me");

        using var response = await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "05826" });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        LocationCookies(response).Single().Should().Contain("samesite=lax").And.Contain("httponly");
        var nearMe = await browser.GetPageAsync("/near-me");
        nearMe.QuerySelector("main")!.TextContent.Should().Contain("Craftsbury, VT 05826");
        var first = nearMe.QuerySelector(".sellers li")!;
        first.QuerySelector("strong")!.TextContent.Should().Be("Black River Jerseys");
        first.TextContent.Should().MatchRegex(@"\d km away");

        var results = await browser.GetPageAsync("/search?sort=distance");
        SearchPageTests.Sellers(results).First().Should().Be("Black River Jerseys");
        SearchPageTests.Distances(results).Should().HaveCount(SearchPageTests.Titles(results).Count).And.BeInAscendingOrder();
    }

    [Fact]
    public async Task Sellers_whose_delivery_radius_reaches_the_buyer_say_they_deliver()
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/near-me");

        // Germantown, NY: Stickles Family Orchard delivers within 40 km; Black River Jerseys does not deliver at all.
        (await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "12526" })).Dispose();
        var nearMe = await browser.GetPageAsync("/near-me");

        var cards = nearMe.QuerySelectorAll(".sellers li").ToDictionary(li => li.QuerySelector("strong")!.TextContent, li => li.TextContent);
        cards["Stickles Family Orchard"].Should().Contain("Delivers to you");
        cards["Black River Jerseys"].Should().NotContain("Delivers to you");
        var radius = await app.WithDbAsync(db => db.Sellers.Where(s => s.Slug == "stickles-family-orchard").Select(s => s.Fulfilment.DeliveryRadiusKm).SingleAsync());
        radius.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Seller_pages_and_search_results_say_how_far_the_seller_is_and_whether_they_deliver()
    {
        var browser = app.CreateBrowser();
        var before = await browser.GetPageAsync("/s/stickles-family-orchard");
        before.QuerySelector(".seller-head .distance")!.TextContent.Trim().Should().Be("How far is this from me?");
        before.QuerySelector(".seller-head .distance a")!.GetAttribute("href").Should().Be("/near-me?returnUrl=%2Fs%2Fstickles-family-orchard");

        // Germantown, NY: Stickles Family Orchard is near and delivers within 40 km; Black River Jerseys (Vermont) does not deliver.
        var page = await browser.GetPageAsync("/near-me?returnUrl=%2Fs%2Fstickles-family-orchard");
        using var set = await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "12526" });
        set.Headers.Location!.OriginalString.Should().Be("/s/stickles-family-orchard");

        var near = (await browser.GetPageAsync("/s/stickles-family-orchard")).QuerySelector(".seller-head .distance")!.TextContent.Trim();
        near.Should().MatchRegex(@"^\d+ km from you").And.Contain("Delivers to you");
        var far = (await browser.GetPageAsync("/s/black-river-jerseys")).QuerySelector(".seller-head .distance")!.TextContent.Trim();
        far.Should().MatchRegex(@"^\d{3} km from you").And.NotContain("Delivers to you");

        var results = await browser.GetPageAsync("/search?sort=distance");
        var cards = results.QuerySelectorAll(".product-card").Select(c => (Seller: c.QuerySelector(".card-body .muted a")!.TextContent, Text: c.TextContent)).ToList();
        cards.Where(c => c.Seller == "Stickles Family Orchard").Should().NotBeEmpty().And.OnlyContain(c => c.Text.Contains("Delivers to you"));
        cards.Where(c => c.Seller == "Black River Jerseys").Should().NotBeEmpty().And.OnlyContain(c => !c.Text.Contains("Delivers to you"));
    }

    [Fact]
    public async Task The_home_pages_zip_code_form_brings_the_buyer_back_to_the_nearest_sellers_with_distances()
    {
        var browser = app.CreateBrowser();
        var home = await browser.GetPageAsync("/");
        home.QuerySelector(".near-you .sellers").Should().BeNull("the buyer has not said where they are");

        using var set = await browser.SubmitAsync(home, "form.near-inline", new Dictionary<string, string> { ["Input.PostalCode"] = "12526" });
        set.Headers.Location!.OriginalString.Should().Be("/");

        var near = (await browser.GetPageAsync("/")).QuerySelector(".near-you")!;
        near.QuerySelector(".section-head a")!.TextContent.Should().Contain("Germantown, NY 12526");
        var cards = near.QuerySelectorAll(".sellers li").Select(li => li.TextContent).ToList();
        cards.Should().HaveCountGreaterThan(1);
        cards[0].Should().Contain("Stickles Family Orchard").And.MatchRegex(@"\d km away").And.Contain("Delivers to you");
        cards.Should().Contain(c => c.Contains("Black River Jerseys") && !c.Contains("Delivers to you"));
    }

    [Fact]
    public async Task An_unknown_zip_code_gets_a_clear_message_and_nothing_is_remembered()
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/near-me");

        using var response = await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "00000" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        LocationCookies(response).Should().BeEmpty();
        var shown = await response.ReadPageAsync();
        shown.QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent.Should().Be("We don't know the ZIP code 00000. Check it and try again.");

        using var letters = await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "hello" });
        (await letters.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent.Should().Contain("is not a US ZIP code");
    }

    [Fact]
    public async Task A_position_shared_by_the_browser_is_named_after_the_nearest_zip_code()
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/near-me");
        page.QuerySelector("button[data-use-location]")!.HasAttribute("hidden").Should().BeTrue("without JavaScript the button stays hidden");

        (await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string>
        {
            ["Input.Latitude"] = "44.6401",
            ["Input.Longitude"] = "-72.3702",
        })).Dispose();

        var nearMe = await browser.GetPageAsync("/near-me");
        nearMe.QuerySelector("main")!.TextContent.Should().Contain("near Craftsbury, VT");
        nearMe.QuerySelector(".sellers li strong")!.TextContent.Should().Be("Black River Jerseys");
    }

    [Fact]
    public async Task Forgetting_the_location_removes_distances()
    {
        var browser = app.CreateBrowser();
        var page = await browser.GetPageAsync("/near-me");
        (await browser.SubmitAsync(page, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = "05826" })).Dispose();
        var withLocation = await browser.GetPageAsync("/near-me");

        using var forget = await browser.SubmitAsync(withLocation, "form[action*='Forget']", new Dictionary<string, string>());

        forget.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var results = await browser.GetPageAsync("/search");
        SearchPageTests.Distances(results).Should().BeEmpty();
        (await browser.GetPageAsync("/near-me")).QuerySelector(".sellers").Should().BeNull();
    }

    [Fact]
    public async Task Posting_a_location_without_the_antiforgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.PostalCode"] = "05826" });
        using var response = await app.CreateBrowser().PostAsync(new Uri("/near-me", UriKind.Relative), content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        LocationCookies(response).Should().BeEmpty();
    }
}

public sealed class SqliteNearMeTests(SqliteApp app) : NearMeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNearMeTests(PostgresApp app) : NearMeTests(app), IClassFixture<PostgresApp>;
