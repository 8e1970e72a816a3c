using System.Net;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

public abstract class AdminAccessTests(AppFactory app)
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var response = await app.CreateBrowser().GetAsync(new Uri("/Admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/SignIn").And.Contain("ReturnUrl=%2FAdmin");
    }

    [Fact]
    public async Task A_buyer_gets_403_on_an_admin_page()
    {
        var browser = await app.SignInAsync("second.buyer@example.com");

        using var response = await browser.GetAsync(new Uri("/Admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Not allowed");
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard()
    {
        var browser = await app.SignInAsync("admin@demo.ruralmarket.local");

        var page = await browser.GetPageAsync("/Admin");

        page.QuerySelector("h1")!.TextContent.Should().Be("Admin");
        page.Body!.TextContent.Should().Contain("approved");
    }
}

public sealed class SqliteAdminAccessTests(SqliteApp app) : AdminAccessTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminAccessTests(PostgresApp app) : AdminAccessTests(app), IClassFixture<PostgresApp>;
