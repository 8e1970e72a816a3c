using System.Net;
using Microsoft.EntityFrameworkCore;
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
        "/search?q=wood",
        "/search?q=wood&category=crafts&sort=price",
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
    public async Task Storefront_pages_run_the_same_number_of_sql_commands_when_the_catalog_grows_from_about_100_to_2000_products()
    {
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app);
        var anonymous = counted.CreateClient();
        var located = counted.CreateClient();
        located.DefaultRequestHeaders.Add("Cookie", "rm.loc=44.6401|-72.3702|Craftsbury, VT 05826");
        var pages = StorefrontPages.Select(url => (Client: anonymous, Url: url))
            .Concat(LocatedPages.Select(url => (Client: located, Url: url)))
            .ToList();
        foreach (var (client, url) in pages)
        {
            await counter.CommandsForAsync(client, url); // warm up: first-use work such as loading data-protection keys
        }

        var before = new Dictionary<string, int>();
        foreach (var (client, url) in pages)
        {
            before[Key(client, url)] = (await counter.CommandsForAsync(client, url)).Count;
        }

        (await app.WithDbAsync(db => db.Products.CountAsync())).Should().BeLessThan(200, "the demo catalog is the small starting point");

        // About 1,900 more: full pages everywhere (seller, category, search, the home page's in-season list), spread
        // over the demo sellers and ten new ones, so the number of sellers grows too.
        await app.AddProductsAsync("combs-creek-woodshop", "crafts", 300, "Growth wood spoon");
        await app.AddProductsAsync("black-river-jerseys", "crafts", 200, "Growth wood basket");
        for (var i = 0; i < 10; i++)
        {
            var seller = await app.CreateSellerAsync("Growth Farm");
            await app.AddProductsAsync(seller.Slug, i % 2 == 0 ? "produce" : "crafts", 150, $"Growth wood crate {i}");
        }

        (await app.WithDbAsync(db => db.Products.CountAsync())).Should().BeGreaterThanOrEqualTo(2000);
        foreach (var (client, url) in pages)
        {
            var commands = await counter.CommandsForAsync(client, url);
            commands.Should().NotBeEmpty("{0} reads the catalog", url);
            // Not more; a search may run fewer once it has enough exact matches to skip the typo-tolerant one.
            commands.Count.Should().BeLessThanOrEqualTo(before[Key(client, url)], "{0} must not run more SQL as the catalog grows; it ran:\n{1}", url, string.Join("\n---\n", commands));
        }

        var category = await anonymous.GetPageAsync("/c/crafts?page=2");
        category.QuerySelectorAll(".grid a.card-title").Should().HaveCount(24, "the category now fills a second page");
        var search = await located.GetPageAsync("/search?q=wood&sort=distance");
        search.QuerySelectorAll(".grid a.card-title").Should().HaveCount(24, "the search now fills a page");

        string Key(HttpClient client, string url) => (client == located ? "located " : "") + url;
    }

    /// <summary>Pages read with the buyer's location set: distances, "sellers near you", sort by distance.</summary>
    private static readonly string[] LocatedPages =
    [
        "/",
        "/search?q=wood&sort=distance",
        "/s/combs-creek-woodshop",
    ];
}

public sealed class SqliteCatalogGrowthTests(SqliteApp app) : CatalogGrowthTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCatalogGrowthTests(PostgresApp app) : CatalogGrowthTests(app), IClassFixture<PostgresApp>;
