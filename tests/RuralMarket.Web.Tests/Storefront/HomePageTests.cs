using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Storefront;

public abstract class HomePageTests(AppFactory app)
{
    [Fact]
    public async Task The_home_page_shows_seeded_sellers_and_in_season_products()
    {
        var page = await app.CreateBrowser().GetPageAsync("/");

        var sellers = page.QuerySelectorAll("#sellers + .sellers li strong").Select(e => e.TextContent).ToList();
        sellers.Should().HaveCountGreaterThanOrEqualTo(8).And.Contain("Black River Jerseys");
        var products = page.QuerySelectorAll(".grid .card-title").Select(e => e.TextContent).ToList();
        products.Should().NotBeEmpty();
        // The fake clock says November: apples are in, blueberries (July–August) are not.
        page.Body!.TextContent.Should().NotContain("Fresh wild blueberries");
    }

    [Fact]
    public async Task Health_endpoints_report_the_database()
    {
        var client = app.CreateBrowser();
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var ready = await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative));
        ready.Should().Contain("\"database\"").And.Contain("\"ffmpeg\"");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_unknown_pages_get_a_friendly_404()
    {
        using var response = await app.CreateBrowser().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("Page not found").And.NotContain("Exception");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
    }
}

public sealed class SqliteHomePageTests(SqliteApp app) : HomePageTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHomePageTests(PostgresApp app) : HomePageTests(app), IClassFixture<PostgresApp>;
