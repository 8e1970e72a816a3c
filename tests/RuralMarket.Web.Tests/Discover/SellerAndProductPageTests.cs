using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Discover;

public abstract class SellerAndProductPageTests(AppFactory app)
{
    [Fact]
    public async Task A_seller_page_renders_the_story_from_markdown_and_shows_typed_html_as_text_never_as_scripts_handlers_or_frames()
    {
        await app.SetStoryAsync("legler-creamery", """
            # Our cheese room

            We make **Limburger** the old way.<script>alert('story')</script>

            <img src="https://tracker.example/pixel.gif" onerror="alert('img')"> <iframe src="https://evil.example"></iframe>
            <a href="javascript:alert('link')" onclick="alert('click')">Click me</a>

            Read more on [our blog](https://legler.example/blog).
            """);

        var page = await app.CreateBrowser().GetPageAsync("/s/legler-creamery");

        var story = page.QuerySelector(".prose")!;
        story.QuerySelector("strong")!.TextContent.Should().Be("Limburger");
        story.QuerySelector("h3")!.TextContent.Should().Be("Our cheese room", "a story's headings sit below the page's own");
        story.QuerySelectorAll("script, iframe, img, [onerror], [onclick], [href^='javascript']").Should().BeEmpty();
        story.TextContent.Should().Contain("<script>alert('story')</script>", "HTML a seller types is shown as the text they typed, never run");
        var link = story.QuerySelector("a[href='https://legler.example/blog']")!;
        link.GetAttribute("rel").Should().Be("nofollow ugc noopener");
    }

    [Fact]
    public async Task A_seller_page_shows_where_they_are_how_to_get_their_goods_and_their_products()
    {
        var page = await app.CreateBrowser().GetPageAsync("/s/stickles-family-orchard");

        page.QuerySelector("h1")!.TextContent.Should().Be("Stickles Family Orchard");
        page.QuerySelector(".seller-head .where")!.TextContent.Should().Be("Germantown, NY");
        var terms = Normalize(page.QuerySelector(".terms")!.TextContent);
        terms.Should().Contain("$14.00 per order, free on orders over $100.00")
            .And.Contain("Within 40 km of Germantown · $6.00")
            .And.Contain("4122 Route 9G, Germantown, NY 12526")
            .And.Contain("Hours: Sep–Nov: Thu–Sun 9 am–5 pm; Dec–Aug: Sat 10 am–2 pm")
            .And.Contain("Park on the gravel by the red barn");
        var products = page.QuerySelectorAll(".grid .card-title").Select(a => a.TextContent).ToList();
        products.Should().Contain(["Honeycrisp apples", "Apple butter"]);
        page.QuerySelector("a.card-title")!.GetAttribute("href").Should().StartWith("/p/stickles-family-orchard/");
        AssertMeta(page, "/s/stickles-family-orchard");
    }

    [Fact]
    public async Task A_product_page_shows_the_price_per_unit_stock_and_an_add_to_cart_form()
    {
        var page = await app.CreateBrowser().GetPageAsync("/p/stickles-family-orchard/heirloom-apple-sampler-box");

        page.QuerySelector("h1")!.TextContent.Should().Be("Heirloom apple sampler box");
        Normalize(page.QuerySelector(".product-price")!.TextContent).Should().Be("$42.00 per 10 lb box");
        page.QuerySelector(".stock")!.TextContent.Trim().Should().Be("In stock");
        Normalize(page.QuerySelector(".facts")!.TextContent).Should().Contain("Season September to November").And.Contain("Perishable");
        page.QuerySelector(".seller-mini a")!.GetAttribute("href").Should().Be("/s/stickles-family-orchard");

        var form = (IHtmlFormElement)page.QuerySelector("form.add-to-cart")!;
        form.Method.Should().BeEquivalentTo("post");
        form.GetAttribute("action").Should().Be("/cart/add");
        // The anonymous page may be served from the output cache to anyone: no per-visitor token (see Storefront/OutputCachingTests).
        form.QuerySelector("input[name='__RequestVerificationToken']").Should().BeNull();
        var productId = await app.WithDbAsync(db => Task.FromResult(db.Products.Single(p => p.Slug == "heirloom-apple-sampler-box").Id));
        form.QuerySelector<IHtmlInputElement>("input[name='productId']")!.Value.Should().Be(productId.ToString());
        var quantity = form.QuerySelector<IHtmlInputElement>("input[name='quantity']")!;
        (quantity.Type, quantity.GetAttribute("min"), quantity.GetAttribute("max")).Should().Be(("number", "1", "35"));
        page.QuerySelector<IHtmlLabelElement>("label[for='quantity']").Should().NotBeNull();
        form.QuerySelector("button[type=submit]")!.TextContent.Should().Be("Add to cart");

        var terms = Normalize(page.QuerySelector(".terms")!.TextContent);
        terms.Should().Contain("Shipping").And.Contain("Local delivery").And.Contain("Pickup");
        AssertMeta(page, "/p/stickles-family-orchard/heirloom-apple-sampler-box");
    }

    [Fact]
    public async Task A_product_page_lists_only_the_ways_that_product_can_be_had_and_a_placeholder_without_photos()
    {
        var page = await app.CreateBrowser().GetPageAsync("/p/stickles-family-orchard/honeycrisp-apples-half-peck");

        var ways = page.QuerySelectorAll(".terms li strong").Select(s => s.TextContent).ToList();
        ways.Should().Equal("Local delivery", "Pickup");
        page.QuerySelector(".product-placeholder[role=img]").Should().NotBeNull();
    }

    [Fact]
    public async Task A_product_with_photos_and_a_video_shows_lazy_sized_images_and_the_video_appears_on_cards_and_the_home_page()
    {
        await app.AddImageAsync("halverson-ranch", "bone-in-ribeye-steaks", "products/ribeye/front.jpg", "Two ribeyes in butcher paper");
        await app.AddImageAsync("halverson-ranch", "bone-in-ribeye-steaks", "products/ribeye/pan.jpg", "A steak in a cast iron pan");
        await app.PublishVideoAsync("halverson-ranch", "bone-in-ribeye-steaks", "Moving the herd at dawn");
        var browser = app.CreateBrowser();

        var page = await browser.GetPageAsync("/p/halverson-ranch/bone-in-ribeye-steaks");

        var images = page.QuerySelectorAll<IHtmlImageElement>(".gallery img").ToList();
        images.Select(i => i.GetAttribute("src")).Should().Equal("/media/products/ribeye/front.jpg", "/media/products/ribeye/pan.jpg");
        images.Should().AllSatisfy(i =>
        {
            i.GetAttribute("loading").Should().Be("lazy");
            i.GetAttribute("width").Should().NotBeNullOrEmpty();
            i.GetAttribute("height").Should().NotBeNullOrEmpty();
            i.GetAttribute("srcset").Should().StartWith(i.GetAttribute("src"));
        });
        images[0].AlternativeText.Should().Be("Two ribeyes in butcher paper");
        page.QuerySelector(".product-placeholder").Should().BeNull();
        page.QuerySelector("meta[property='og:image']")!.GetAttribute("content").Should().EndWith("/media/products/ribeye/front.jpg");

        var seller = await browser.GetPageAsync("/s/halverson-ranch");
        var card = seller.QuerySelectorAll(".product-card").Single(c => c.QuerySelector("a.card-title")!.GetAttribute("href") == "/p/halverson-ranch/bone-in-ribeye-steaks");
        card.QuerySelector(".video-mark").Should().NotBeNull();
        var home = await browser.GetPageAsync("/");
        home.QuerySelectorAll("#latest-videos + .grid .card-title").Select(t => t.TextContent).Should().Contain("Moving the herd at dawn");
    }

    [Fact]
    public async Task A_sold_out_product_cannot_be_added_to_the_cart()
    {
        var page = await app.CreateBrowser().GetPageAsync("/p/black-river-jerseys/craftsbury-pasture-eggs");

        page.QuerySelector(".stock")!.TextContent.Trim().Should().Be("Sold out");
        var button = page.QuerySelector("form.add-to-cart button")!;
        button.HasAttribute("disabled").Should().BeTrue();
        button.TextContent.Should().Be("Sold out");
        page.QuerySelector("form.add-to-cart input[name='quantity']").Should().BeNull();
    }

    [Fact]
    public async Task A_hidden_or_unpublished_product_is_not_found_and_leaves_the_lists()
    {
        static List<string?> Links(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("a.card-title").Select(a => a.GetAttribute("href")).ToList();
        var before = app.CreateBrowser();
        Links(await before.GetPageAsync("/s/wescott-barrens")).Should().Contain("/p/wescott-barrens/balsam-wreath", "it is listed before it is hidden");
        Links(await before.GetPageAsync("/search?q=wreath")).Should().Contain("/p/wescott-barrens/balsam-wreath");

        await app.HideProductAsync("wescott-barrens", "balsam-wreath");
        var firstOther = await FirstOtherProductAsync("wescott-barrens", "balsam-wreath");
        await app.UnpublishProductAsync("wescott-barrens", firstOther);

        var browser = app.CreateBrowser();
        await browser.GetPageAsync("/p/wescott-barrens/balsam-wreath", HttpStatusCode.NotFound);
        await browser.GetPageAsync($"/p/wescott-barrens/{firstOther}", HttpStatusCode.NotFound);
        var sellerPage = await browser.GetPageAsync("/s/wescott-barrens");
        var listed = sellerPage.QuerySelectorAll("a.card-title").Select(a => a.GetAttribute("href")).ToList();
        listed.Should().NotContain(["/p/wescott-barrens/balsam-wreath", $"/p/wescott-barrens/{firstOther}"]);
        Links(await browser.GetPageAsync("/")).Should().NotContain("/p/wescott-barrens/balsam-wreath");
        Links(await browser.GetPageAsync("/search?q=wreath")).Should().NotContain("/p/wescott-barrens/balsam-wreath");
    }

    [Fact]
    public async Task A_suspended_sellers_page_and_products_are_not_found_anywhere()
    {
        var browser = app.CreateBrowser();
        (await browser.GetPageAsync("/c/plants-seeds")).QuerySelectorAll("a.card-title").Select(a => a.GetAttribute("href"))
            .Should().Contain(href => href!.StartsWith("/p/marys-river-seed-and-plant/", StringComparison.Ordinal), "the seller is listed before the suspension");

        await app.SuspendSellerAsync("marys-river-seed-and-plant");

        await browser.GetPageAsync("/s/marys-river-seed-and-plant", HttpStatusCode.NotFound);
        var productSlug = await app.WithDbAsync(db => Task.FromResult(
            db.Products.Where(p => p.SellerId == db.Sellers.Single(s => s.Slug == "marys-river-seed-and-plant").Id).Select(p => p.Slug).First()));
        await browser.GetPageAsync($"/p/marys-river-seed-and-plant/{productSlug}", HttpStatusCode.NotFound);
        var category = await browser.GetPageAsync("/c/plants-seeds");
        category.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").Should().NotContain(href => href.Contains("marys-river-seed-and-plant"));
        var home = await browser.GetPageAsync("/");
        home.Body!.TextContent.Should().NotContain("Marys River Seed");
    }

    [Fact]
    public async Task Unknown_sellers_products_and_categories_are_not_found()
    {
        var browser = app.CreateBrowser();
        await browser.GetPageAsync("/s/no-such-farm", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/p/black-river-jerseys/no-such-thing", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/p/legler-creamery/raw-jersey-milk", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/c/no-such-category", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/c/dairy?page=abc", HttpStatusCode.NotFound);
        await browser.GetPageAsync("/c/dairy?page=0", HttpStatusCode.NotFound);
    }

    private Task<string> FirstOtherProductAsync(string sellerSlug, string exceptSlug) =>
        app.WithDbAsync(db => Task.FromResult(db.Products
            .Where(p => p.SellerId == db.Sellers.Single(s => s.Slug == sellerSlug).Id && p.Slug != exceptSlug)
            .OrderBy(p => p.Slug).Select(p => p.Slug).First()));

    private static void AssertMeta(IHtmlDocument page, string canonicalPath)
    {
        page.Title.Should().NotBeNullOrWhiteSpace().And.EndWith("RuralMarket");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content").Should().NotBeNullOrWhiteSpace()
            .And.NotBe("A video-first marketplace for farms, makers and small rural businesses.");
        page.QuerySelectorAll("meta[name=description]").Should().HaveCount(1);
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith(canonicalPath);
        page.QuerySelector("meta[property='og:title']")!.GetAttribute("content").Should().NotBeNullOrWhiteSpace();
        page.QuerySelector("meta[property='og:description']")!.GetAttribute("content").Should().NotBeNullOrWhiteSpace();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

public sealed class SqliteSellerAndProductPageTests(SqliteApp app) : SellerAndProductPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSellerAndProductPageTests(PostgresApp app) : SellerAndProductPageTests(app), IClassFixture<PostgresApp>;
