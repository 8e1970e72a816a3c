using System.Net;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Discover;

/// <summary>Pages that must hold up as the catalog grows: paging, and a fixed number of SQL commands per page.</summary>
public abstract class CatalogGrowthTests(AppFactory app)
{
    private static readonly string[] StorefrontPages =
    [
        "/",
        "/categories",
        "/c/crafts",
        "/s/combs-creek-woodshop",
        "/p/black-river-jerseys/black-river-tomme",
    ];

    [Fact]
    public async Task A_category_is_paged_24_at_a_time_newest_first_with_prev_and_next_links()
    {
        var added = await app.AddProductsAsync("combs-creek-woodshop", "home-garden", 30, "Paging birdhouse");
        var total = await app.CountListedAsync("home-garden");
        var browser = app.CreateBrowser();

        var first = await browser.GetPageAsync("/c/home-garden");
        var firstTitles = first.QuerySelectorAll(".grid a.card-title").Select(a => a.TextContent).ToList();
        firstTitles.Should().HaveCount(24).And.StartWith(added[^1]).And.Equal(Enumerable.Reverse(added).Take(24));
        first.QuerySelector("head link[rel=next]")!.GetAttribute("href").Should().Be("/c/home-garden?page=2");
        first.QuerySelector("head link[rel=prev]").Should().BeNull();
        first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href").Should().Be("/c/home-garden?page=2");
        first.QuerySelector(".pager [aria-current=page]")!.TextContent.Should().Be("1");
        first.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith("/c/home-garden");

        var second = await browser.GetPageAsync("/c/home-garden?page=2");
        var secondTitles = second.QuerySelectorAll(".grid a.card-title").Select(a => a.TextContent).ToList();
        secondTitles.Should().HaveCount(Math.Min(24, total - 24)).And.StartWith(added[5]).And.NotIntersectWith(firstTitles);
        second.QuerySelector("head link[rel=prev]")!.GetAttribute("href").Should().Be("/c/home-garden");
        second.QuerySelector("link[rel=canonical]")!.GetAttribute("href").Should().EndWith("/c/home-garden?page=2");
        second.Title.Should().Contain("page 2");

        var pages = (total + 23) / 24;
        var last = await browser.GetPageAsync($"/c/home-garden?page={pages}");
        last.QuerySelector("head link[rel=next]").Should().BeNull();
        last.QuerySelector(".pager a[rel=next]").Should().BeNull();
        await browser.GetPageAsync($"/c/home-garden?page={pages + 1}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_category_with_nothing_listed_says_so_and_points_to_the_others()
    {
        var categoryId = RuralMarket.Domain.Catalog.Category.FindBySlug("farm-stays-experiences")!.Id;
        var slugs = await app.WithDbAsync(db => Task.FromResult(db.Products
            .Where(p => p.CategoryId == categoryId)
            .Select(p => new { Seller = db.Sellers.Single(s => s.Id == p.SellerId).Slug, p.Slug })
            .ToList()));
        slugs.Should().NotBeEmpty();
        foreach (var product in slugs)
        {
            await app.UnpublishProductAsync(product.Seller, product.Slug);
        }

        var page = await app.CreateBrowser().GetPageAsync("/c/farm-stays-experiences");

        page.QuerySelector(".empty h2")!.TextContent.Should().Be("Nothing here yet");
        page.QuerySelector(".empty a[href='/categories']").Should().NotBeNull();
        page.QuerySelectorAll(".grid, .pager").Should().BeEmpty();
    }

    [Fact]
    public async Task Storefront_pages_run_the_same_number_of_sql_commands_after_the_catalog_grows_by_300_products()
    {
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app);
        var browser = counted.CreateClient();
        foreach (var url in StorefrontPages)
        {
            await counter.CommandsForAsync(browser, url); // warm up: first-use work such as loading data-protection keys
        }

        var before = new Dictionary<string, int>();
        foreach (var url in StorefrontPages)
        {
            before[url] = (await counter.CommandsForAsync(browser, url)).Count;
        }

        // Enough for full pages everywhere: the seller, the category and the home page's in-season list.
        await app.AddProductsAsync("combs-creek-woodshop", "crafts", 150, "Growth spoon");
        await app.AddProductsAsync("black-river-jerseys", "crafts", 150, "Growth basket");

        foreach (var url in StorefrontPages)
        {
            var commands = await counter.CommandsForAsync(browser, url);
            commands.Should().NotBeEmpty("{0} reads the catalog", url);
            commands.Should().HaveCount(before[url], "{0} must not run more SQL as the catalog grows; it ran:\n{1}", url, string.Join("\n---\n", commands));
        }

        var category = await browser.GetPageAsync("/c/crafts");
        category.QuerySelectorAll(".grid a.card-title").Should().HaveCount(24, "the category now fills a page");
    }
}

public sealed class SqliteCatalogGrowthTests(SqliteApp app) : CatalogGrowthTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCatalogGrowthTests(PostgresApp app) : CatalogGrowthTests(app), IClassFixture<PostgresApp>;
