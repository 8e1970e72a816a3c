using System.Net;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerDashboard;

public abstract class DashboardTests(AppFactory app)
{
    [Fact]
    public async Task A_new_paid_order_shows_as_work_sales_money_on_the_way_and_low_stock_for_its_seller_only()
    {
        var seller = await app.CreateSellerAsync("Hilltop Dairy");
        var neighbour = await app.CreateSellerAsync("Valley Honey");
        var cheese = await app.CreateProductAsync(seller, "Farmhouse cheddar", 1200, stock: 4);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (cheese, 2));
        var (_, paymentPage) = await buyer.CheckOutAsync();
        using (await buyer.PressAsync(paymentPage, "pay"))
        {
        }

        await app.RunJobsAsync();

        var dashboard = await (await app.SignInAsync(seller.OwnerEmail)).GetPageAsync("/Seller");
        var text = dashboard.QuerySelector("main")!.TextContent;
        text.Should().Contain("1 to start preparing")
            .And.Contain("$24.00 in sales")
            .And.Contain("$21.60 on the way to you", "the payout is the $24.00 total less 10 % commission")
            .And.Contain("Farmhouse cheddar — 2 left");

        var other = (await (await app.SignInAsync(neighbour.OwnerEmail)).GetPageAsync("/Seller")).QuerySelector("main")!.TextContent;
        other.Should().Contain("Nothing waiting").And.Contain("$0.00 in sales").And.NotContain("Farmhouse cheddar");
    }

    [Fact]
    public async Task Only_a_signed_in_seller_with_a_shop_reaches_the_dashboard()
    {
        using var anonymous = app.CreateBrowser();
        using var toSignIn = await anonymous.GetAsync(new Uri("/Seller", UriKind.Relative));
        toSignIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toSignIn.Headers.Location!.ToString().Should().Contain("/Account/SignIn");

        var buyer = await app.BuyerAsync();
        await buyer.Browser.GetPageAsync("/Seller", HttpStatusCode.Forbidden);

        var sellerRoleWithoutShop = await app.SignInAsync($"noshop.{Guid.NewGuid():N}@example.com", Roles.Seller);
        await sellerRoleWithoutShop.GetPageAsync("/Seller", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/Seller")]
    [InlineData("/Seller/Orders")]
    [InlineData("/Seller/Products")]
    [InlineData("/Seller/Products/New")]
    [InlineData("/Seller/Products/Import")]
    [InlineData("/Seller/Products/Export")]
    [InlineData("/Seller/Payouts")]
    [InlineData("/Seller/Profile")]
    public async Task No_seller_page_opens_for_a_buyer_or_an_anonymous_visitor(string path)
    {
        var buyer = await app.BuyerAsync();
        await buyer.Browser.GetPageAsync(path, HttpStatusCode.Forbidden);

        using var anonymous = app.CreateBrowser();
        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/SignIn");
    }
}

public sealed class SqliteDashboardTests(SqliteApp app) : DashboardTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresDashboardTests(PostgresApp app) : DashboardTests(app), IClassFixture<PostgresApp>;
