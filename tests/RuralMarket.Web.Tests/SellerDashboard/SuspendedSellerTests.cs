using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerDashboard;

public abstract class SuspendedSellerTests(AppFactory app)
{
    [Fact]
    public async Task A_suspended_sellers_products_leave_the_storefront_but_their_paid_order_can_still_be_prepared_and_shipped()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        await app.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Id == order.Seller.Id);
            seller.Suspend("Selling raw milk without the permit.", seller.OwnerUserId, app.Clock);
            return await db.SaveChangesAsync();
        });

        await app.CreateBrowser().GetPageAsync($"/p/{order.Seller.Slug}/{order.Product.Slug}", HttpStatusCode.NotFound);
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.GetPageAsync("/Seller")).QuerySelector("[role=alert]")!.TextContent
            .Should().Contain("suspended").And.Contain("Selling raw milk without the permit.").And.Contain("still fulfil");

        (await seller.PressAsync(order, "prepare")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await seller.PressAsync(order, "ship", new Dictionary<string, string> { ["Ship.Carrier"] = "UPS", ["Ship.TrackingNumber"] = "1Z999" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Shipped);
    }
}

public sealed class SqliteSuspendedSellerTests(SqliteApp app) : SuspendedSellerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSuspendedSellerTests(PostgresApp app) : SuspendedSellerTests(app), IClassFixture<PostgresApp>;
