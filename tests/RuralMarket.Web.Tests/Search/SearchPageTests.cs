using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Search;

/// <summary>The search page over the demo catalog, read-only (nothing here changes the data).</summary>
public abstract partial class SearchPageTests(AppFactory app)
{
    private const int PageSize = 24;

    [Fact]
    public async Task Searching_finds_products_by_title_and_by_description()
    {
        var byTitle = await app.CreateBrowser().GetPageAsync("/search?q=tomme");
        Titles(byTitle).Should().HaveElementAt(0, "Black River tomme");

        // "cellar" is only in the tomme's description.
        var byDescription = await app.CreateBrowser().GetPageAsync("/search?q=cellar");
        Titles(byDescription).Should().Contain("Black River tomme");
    }

    [Theory]
    [InlineData("tomatoe", "Wet-summer tomato seed collection")]
    [InlineData("blueberies", "Fresh wild blueberries")]
    [InlineData("Blueberies jam", "Wild blueberry jam")]
    public async Task A_misspelled_word_still_finds_the_product(string typed, string expected)
    {
        var page = await app.CreateBrowser().GetPageAsync($"/search?q={Uri.EscapeDataString(typed)}");

        Titles(page).Should().Contain(expected);
    }

    [Theory]
    [InlineData("\"tomato* OR (")]
    [InlineData("NEAR(honey, jam) title:milk")]
    [InlineData("'; DROP TABLE \"Products\"; --")]
    [InlineData("***")]
    public async Task Search_syntax_typed_by_a_buyer_is_just_text(string typed)
    {
        var page = await app.CreateBrowser().GetPageAsync($"/search?q={Uri.EscapeDataString(typed)}");

        page.QuerySelector("h1")!.TextContent.Should().NotBeEmpty();
        (await CountVisibleAsync()).Should().BeGreaterThan(0, "the catalog is untouched");
    }

    [Fact]
    public async Task Browsing_without_words_pages_through_every_visible_product()
    {
        var total = await CountVisibleAsync();
        var pages = (total + PageSize - 1) / PageSize;
        total.Should().BeGreaterThan(PageSize * 2);
        var browser = app.CreateBrowser();

        var first = await browser.GetPageAsync("/search");
        ResultCount(first).Should().Be($"1–{PageSize} of {total} products");
        Titles(first).Should().HaveCount(PageSize);

        var second = await browser.GetPageAsync("/search?page=2");
        ResultCount(second).Should().Be($"{PageSize + 1}–{PageSize * 2} of {total} products");
        Titles(second).Should().NotIntersectWith(Titles(first));

        var zero = await browser.GetPageAsync("/search?page=0");
        Titles(zero).Should().Equal(Titles(first));

        var beyond = await browser.GetPageAsync("/search?page=99999999999");
        beyond.QuerySelector(".pager [aria-current=page]")!.TextContent.Should().Be(pages.ToString(CultureInfo.InvariantCulture));
        Titles(beyond).Should().HaveCount(total - (PageSize * (pages - 1)));
        beyond.QuerySelector("a[rel=next]").Should().BeNull();

        var all = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            all.AddRange(Links(await browser.GetPageAsync($"/search?page={page}")));
        }

        all.Should().OnlyHaveUniqueItems().And.HaveCount(total);
    }

    [Fact]
    public async Task Filtering_by_category_shows_only_that_category()
    {
        var expected = await VisibleAsync(p => p.CategoryId == 3);

        var page = await app.CreateBrowser().GetPageAsync("/search?category=dairy");

        Titles(page).Should().BeEquivalentTo(expected.Select(p => p.Title));
        page.QuerySelectorAll(".grid .card-title").Length.Should().BeGreaterThan(3);
    }

    [Fact]
    public async Task Filtering_by_price_keeps_prices_inside_the_range()
    {
        var expected = await VisibleAsync(p => p.Price.Amount >= 1000 && p.Price.Amount <= 1500);

        var page = await app.CreateBrowser().GetPageAsync("/search?min=10&max=15.00");

        Titles(page).Should().BeEquivalentTo(expected.Select(p => p.Title));
        Prices(page).Should().OnlyContain(price => price >= 10m && price <= 15m).And.NotBeEmpty();
    }

    [Fact]
    public async Task Filtering_by_pickup_shows_only_products_that_can_be_picked_up()
    {
        var expected = await VisibleAsync(p => p.CategoryId == 3 && (p.AllowedFulfilment & FulfilmentMethod.Pickup) != 0);
        var shippable = await VisibleAsync(p => p.CategoryId == 3 && (p.AllowedFulfilment & FulfilmentMethod.Shipping) != 0);

        var pickup = await app.CreateBrowser().GetPageAsync("/search?category=dairy&get=pickup");
        var shipping = await app.CreateBrowser().GetPageAsync("/search?category=dairy&get=shipping");

        Titles(pickup).Should().BeEquivalentTo(expected.Select(p => p.Title)).And.Contain("Raw Jersey milk");
        Titles(shipping).Should().BeEquivalentTo(shippable.Select(p => p.Title)).And.NotContain("Raw Jersey milk");
    }

    [Fact]
    public async Task Local_delivery_with_a_location_shows_only_sellers_who_deliver_there()
    {
        // 12526 is Germantown, NY: inside Stickles Family Orchard's 40 km radius, far from every other delivering seller.
        var page = await app.CreateBrowser().GetPageAsync("/search?get=delivery&zip=12526");

        Sellers(page).Should().NotBeEmpty().And.OnlyContain(s => s == "Stickles Family Orchard");
    }

    [Fact]
    public async Task Filtering_by_distance_keeps_sellers_within_it()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?zip=05826&within=100");

        Sellers(page).Should().NotBeEmpty().And.OnlyContain(s => s == "Black River Jerseys");
        Distances(page).Should().OnlyContain(km => km <= 100);
    }

    [Fact]
    public async Task In_season_shows_products_whose_season_includes_this_month_even_across_the_new_year()
    {
        // The fake clock says November.
        var expected = await VisibleAsync(_ => true);
        var inSeason = expected.Where(p => p.Season.Includes(11)).ToList();
        inSeason.Should().Contain(p => p.Season.StartMonth > p.Season.EndMonth, "the demo has a window that wraps over the new year");

        var page = await app.CreateBrowser().GetPageAsync($"/search?season=1&sort=price");

        ResultTotal(page).Should().Be(inSeason.Count);
        Titles(page).Should().NotContain("Fresh wild blueberries");
    }

    [Fact]
    public async Task Has_video_finds_nothing_while_no_video_is_published()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?video=1");

        Titles(page).Should().BeEmpty();
        page.QuerySelector(".no-results")!.TextContent.Should().Contain("Nothing found").And.Contain("search without filters");
    }

    [Fact]
    public async Task Sorting_by_price_orders_cards_by_price()
    {
        var low = await app.CreateBrowser().GetPageAsync("/search?sort=price");
        var high = await app.CreateBrowser().GetPageAsync("/search?sort=price-desc");

        Prices(low).Should().BeInAscendingOrder().And.HaveCount(PageSize);
        Prices(high).Should().BeInDescendingOrder().And.HaveCount(PageSize);
        Prices(low)[0].Should().BeLessThan(Prices(high)[0]);
    }

    [Fact]
    public async Task Sorting_by_relevance_puts_title_matches_first()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?q=honey");

        Titles(page).Take(3).Should().OnlyContain(t => t.Contains("honey", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Sorting_by_distance_from_Craftsbury_puts_Black_River_Jerseys_first()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?zip=05826&sort=distance");

        Sellers(page).First().Should().Be("Black River Jerseys");
        Distances(page).Should().BeInAscendingOrder().And.HaveCount(PageSize);
        Distances(page)[0].Should().BeLessThan(10);
    }

    [Fact]
    public async Task Bad_filters_get_clear_messages_not_errors()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?min=-5&max=abc&category=nope&sort=distance&within=-3&page=-1&get=teleport");

        var messages = page.QuerySelector(".notice-inline")!.TextContent;
        messages.Should().Contain("cannot be negative")
            .And.Contain("“abc” is not a highest price")
            .And.Contain("no category “nope”")
            .And.Contain("ZIP code to sort by distance")
            .And.Contain("A distance must be")
            .And.Contain("delivery choice");
        Titles(page).Should().HaveCount(PageSize);
    }

    [Fact]
    public async Task A_lowest_price_above_the_highest_is_swapped_and_said_so()
    {
        var page = await app.CreateBrowser().GetPageAsync("/search?min=15&max=10");

        page.QuerySelector(".notice-inline")!.TextContent.Should().Contain("swapped");
        Prices(page).Should().OnlyContain(price => price >= 10m && price <= 15m).And.NotBeEmpty();
    }

    [Fact]
    public async Task An_unknown_zip_code_in_the_filters_is_named_in_the_form()
    {
        using var response = await app.CreateBrowser().GetAsync(new Uri("/search?zip=00000&sort=distance", UriKind.Relative));
        var page = await response.ReadPageAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("#f-zip-help")!.TextContent.Should().Contain("We don't know the ZIP code 00000");
        page.QuerySelector("details.filters")!.HasAttribute("open").Should().BeTrue();
        NearMeTests.LocationCookies(response).Should().BeEmpty();
    }

    [Fact]
    public async Task The_header_has_a_search_form_that_works_without_javascript()
    {
        var home = await app.CreateBrowser().GetPageAsync("/");
        var form = (IHtmlFormElement)home.QuerySelector("header form[role=search]")!;
        form.Method.Should().BeEquivalentTo("get");
        form.Action.Should().EndWith("/search");
        var input = form.QuerySelector("input[name=q]")!;
        home.QuerySelector($"label[for={input.Id}]").Should().NotBeNull();
    }

    private async Task<int> CountVisibleAsync() => (await VisibleAsync(_ => true)).Count;

    /// <summary>What the storefront may show, straight from the database: active, visible, approved seller.</summary>
    private Task<List<Product>> VisibleAsync(Func<Product, bool> filter) => app.WithDbAsync(async db =>
    {
        var products = await db.Products.AsNoTracking()
            .Where(p => p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .Where(p => db.Sellers.Any(s => s.Id == p.SellerId && s.Status == SellerStatus.Approved))
            .ToListAsync();
        return products.Where(filter).ToList();
    });

    internal static List<string> Titles(IHtmlDocument page) => page.QuerySelectorAll(".grid .card-title").Select(e => e.TextContent.Trim()).ToList();

    internal static List<string> Links(IHtmlDocument page) => page.QuerySelectorAll(".grid .card-title").Select(e => e.GetAttribute("href")!).ToList();

    internal static List<string> Sellers(IHtmlDocument page) =>
        page.QuerySelectorAll(".grid .card-body a[href^='/s/']").Select(e => e.TextContent.Trim()).ToList();

    internal static List<decimal> Prices(IHtmlDocument page) =>
        page.QuerySelectorAll(".grid .price").Select(e => decimal.Parse(e.TextContent.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();

    internal static List<double> Distances(IHtmlDocument page) =>
        page.QuerySelectorAll(".grid .card-body span")
            .Select(e => KmAway().Match(e.TextContent))
            .Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))
            .ToList();

    internal static string ResultCount(IHtmlDocument page) => Regex.Replace(page.QuerySelector(".result-count")!.TextContent, @"\s+", " ").Trim();

    internal static int ResultTotal(IHtmlDocument page) =>
        int.Parse(Regex.Match(ResultCount(page), @"(\d+) products?").Groups[1].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([\d,]+) km away$")]
    private static partial Regex KmAway();
}

public sealed class SqliteSearchPageTests(SqliteApp app) : SearchPageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSearchPageTests(PostgresApp app) : SearchPageTests(app), IClassFixture<PostgresApp>;
