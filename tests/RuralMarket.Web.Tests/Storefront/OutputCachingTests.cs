using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.Discover;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Storefront;

/// <summary>
/// Anonymous storefront pages come from the output cache; nobody ever gets a page made for someone else, and a
/// catalog change shows at once.
/// </summary>
public abstract class OutputCachingTests(AppFactory app)
{
    private static readonly string[] StorefrontPages =
    [
        "/",
        "/categories",
        "/c/dairy",
        "/search?q=cheese",
        "/s/black-river-jerseys",
        "/p/black-river-jerseys/black-river-tomme",
    ];

    [Fact]
    public async Task An_anonymous_visitor_gets_each_storefront_page_from_the_cache_the_second_time_without_any_sql()
    {
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app, outputCache: true);
        var visitor = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        foreach (var url in StorefrontPages)
        {
            using var first = await visitor.GetAsync(new Uri(url, UriKind.Relative));
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            first.Headers.Contains("Set-Cookie").Should().BeFalse("{0} is the same page for every anonymous visitor", url);
        }

        foreach (var url in StorefrontPages)
        {
            var commands = await counter.CommandsForAsync(visitor, url);
            commands.Should().BeEmpty("{0} was just rendered for an anonymous visitor and is served from the cache", url);
        }

        using var again = await visitor.GetAsync(new Uri(StorefrontPages[^1], UriKind.Relative));
        again.Headers.Age.Should().NotBeNull("a cached response says how old it is");
    }

    [Fact]
    public async Task A_signed_in_buyer_never_gets_the_cached_anonymous_page_and_their_page_is_never_given_to_anyone()
    {
        var farm = await app.CreateSellerAsync("Cache Hollow");
        var jam = await app.CreateProductAsync(farm, "Rhubarb jam", 650, stock: 9);
        var url = $"/p/{farm.Slug}/{jam.Slug}";
        var anonymous = app.CreateBrowser();
        await anonymous.GetPageAsync(url);
        (await AgeOfAsync(anonymous, url)).Should().NotBeNull("the anonymous page is cached");

        var buyer = await app.SignInAsync("buyer@demo.ruralmarket.local");
        using (var response = await buyer.GetAsync(new Uri(url, UriKind.Relative)))
        {
            response.Headers.Age.Should().BeNull("a signed-in buyer's page is rendered for them");
            var page = await response.ReadPageAsync();
            page.QuerySelector("a[href='/orders']").Should().NotBeNull("the buyer sees their own header");
            page.QuerySelector("form.add-to-cart input[name='__RequestVerificationToken']").Should().NotBeNull("their form carries their token");
        }

        var stranger = app.CreateBrowser();
        var strangers = await stranger.GetPageAsync(url);
        strangers.QuerySelector("a[href='/orders']").Should().BeNull();
        strangers.QuerySelector("a[href='/Account/SignIn']").Should().NotBeNull();
        strangers.QuerySelector("form.add-to-cart input[name='__RequestVerificationToken']").Should().BeNull();
    }

    [Fact]
    public async Task A_visitor_with_a_cart_sees_their_own_cart_count_and_others_still_see_an_empty_cart()
    {
        var farm = await app.CreateSellerAsync("Cart Corner");
        var eggs = await app.CreateProductAsync(farm, "Duck eggs", 900, stock: 12);
        var url = $"/p/{farm.Slug}/{eggs.Slug}";
        var shopper = app.CreateBrowser();
        await shopper.GetPageAsync("/");
        var product = await shopper.GetPageAsync(url);

        // The cached page's form has no token: the browser's Origin header vouches for it.
        using (var added = await shopper.SubmitAsync(product, "form.add-to-cart", new Dictionary<string, string> { ["quantity"] = "2" }))
        {
            added.StatusCode.Should().Be(HttpStatusCode.Redirect);
            added.Headers.Location!.OriginalString.Should().Be("/cart");
        }

        foreach (var page in new[] { "/", url })
        {
            using var response = await shopper.GetAsync(new Uri(page, UriKind.Relative));
            response.Headers.Age.Should().BeNull("a visitor with a cart gets {0} rendered for them", page);
            (await response.ReadPageAsync()).QuerySelector(".cart-link")!.TextContent.Should().Be("Cart (2)");
        }

        foreach (var page in new[] { "/", url })
        {
            (await app.CreateBrowser().GetPageAsync(page)).QuerySelector(".cart-link")!.TextContent.Should().Be("Cart");
        }
    }

    [Fact]
    public async Task A_flash_message_after_a_post_is_shown_even_when_the_page_is_cached()
    {
        var farm = await app.CreateSellerAsync("Flash Farm");
        var cider = await app.CreateProductAsync(farm, "Sweet cider", 800, stock: 3);
        var url = $"/p/{farm.Slug}/{cider.Slug}";
        var visitor = app.CreateBrowser();
        var page = await visitor.GetPageAsync(url);
        (await AgeOfAsync(visitor, url)).Should().NotBeNull();

        using (var tooMany = await visitor.SubmitAsync(page, "form.add-to-cart", new Dictionary<string, string> { ["quantity"] = "50" }))
        {
            tooMany.StatusCode.Should().Be(HttpStatusCode.Redirect);
            tooMany.Headers.Location!.OriginalString.Should().Be(url);
        }

        var back = await visitor.GetPageAsync(url);
        back.QuerySelector(".flash").Should().NotBeNull("the message from the post is shown, not the cached page");
        var later = await visitor.GetPageAsync(url);
        later.QuerySelector(".flash").Should().BeNull("a flash is shown once");
    }

    [Fact]
    public async Task A_catalog_change_shows_at_once_on_cached_pages()
    {
        var farm = await app.CreateSellerAsync("Evict Acres");
        var honey = await app.CreateProductAsync(farm, "Clover honey", 1200, stock: 7);
        var url = $"/p/{farm.Slug}/{honey.Slug}";
        var sellerUrl = $"/s/{farm.Slug}";
        var visitor = app.CreateBrowser();
        await visitor.GetPageAsync(url);
        await visitor.GetPageAsync(sellerUrl);
        (await AgeOfAsync(visitor, url)).Should().NotBeNull();

        // Stock moves with a bare UPDATE (ExecuteUpdate), not through the change tracker.
        await app.WithDbAsync(db => db.Products.Where(p => p.Id == honey.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Stock, 2)));
        (await visitor.GetPageAsync(url)).QuerySelector(".stock")!.TextContent.Trim().Should().Be("Only 2 left");

        await app.HideProductAsync(farm.Slug, honey.Slug);
        await visitor.GetPageAsync(url, HttpStatusCode.NotFound);
        (await visitor.GetPageAsync(sellerUrl)).QuerySelectorAll(".grid a.card-title").Select(a => a.TextContent).Should().NotContain("Clover honey");
    }

    [Fact]
    public async Task Add_to_cart_without_a_token_is_refused_from_another_site_and_for_a_signed_in_buyer()
    {
        var farm = await app.CreateSellerAsync("Guarded Gate");
        var butter = await app.CreateProductAsync(farm, "Cultured butter", 700, stock: 10);
        var cartsBefore = await app.WithDbAsync(db => db.Carts.CountAsync());

        using (var forged = await PostAddAsync(app.CreateBrowser(), butter.Id, origin: "https://evil.example"))
        {
            forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using (var crossSite = await PostAddAsync(app.CreateBrowser(), butter.Id, fetchSite: "cross-site", origin: "http://localhost"))
        {
            crossSite.StatusCode.Should().Be(HttpStatusCode.BadRequest, "Sec-Fetch-Site wins over a spoofable-looking Origin");
        }

        using (var nothing = await PostAddAsync(app.CreateBrowser(), butter.Id))
        {
            nothing.StatusCode.Should().Be(HttpStatusCode.BadRequest, "without a token or the browser's word, nothing is accepted");
        }

        var buyer = await app.SignInAsync("buyer@demo.ruralmarket.local");
        using (var signedIn = await PostAddAsync(buyer, butter.Id, origin: "http://localhost"))
        {
            signedIn.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a signed-in buyer's pages always carry a token, so one is required");
        }

        (await app.WithDbAsync(db => db.Carts.CountAsync())).Should().Be(cartsBefore);

        using var sameSite = await PostAddAsync(app.CreateBrowser(), butter.Id, fetchSite: "same-origin");
        sameSite.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Carts.CountAsync())).Should().Be(cartsBefore + 1);
    }

    private static async Task<TimeSpan?> AgeOfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.Age;
    }

    private static async Task<HttpResponseMessage> PostAddAsync(HttpClient client, Guid productId, string? origin = null, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/cart/add")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = productId.ToString(), ["quantity"] = "1" }),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return await client.SendAsync(request);
    }
}

public sealed class SqliteOutputCachingTests(SqliteApp app) : OutputCachingTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresOutputCachingTests(PostgresApp app) : OutputCachingTests(app), IClassFixture<PostgresApp>;
