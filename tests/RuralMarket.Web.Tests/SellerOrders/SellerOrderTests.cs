using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerOrders;

public abstract class SellerOrderTests(AppFactory app)
{
    [Fact]
    public async Task A_shipped_order_reaches_the_buyer_with_tracking_and_its_payout_is_released_after_the_buyer_confirms()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        var seller = await app.SignInAsSellerAsync(order.Seller);

        var toPrepare = await seller.GetPageAsync("/Seller/Orders?status=Paid");
        var row = toPrepare.QuerySelectorAll(".seller-orders li").Single(li => li.TextContent.Contains(order.DisplayNumber));
        row.TextContent.Should().Contain("Ada Buyer").And.Contain("2 × Russet apples").And.Contain("Shipping").And.Contain("$30.50");
        (await seller.GetPageAsync("/Seller/Orders?status=Shipped")).QuerySelector(".seller-orders").Should().BeNull();

        (await seller.PressAsync(order, "prepare")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preparing = await seller.GetPageAsync(order.SellerUrl);
        preparing.QuerySelector("form#prepare").Should().BeNull("an order is prepared once");
        preparing.QuerySelector("form#ready").Should().BeNull("a shipping order is never ready for pickup");
        using var shipped = await seller.PressAsync(order, "ship", new Dictionary<string, string> { ["Ship.Carrier"] = "USPS", ["Ship.TrackingNumber"] = "9400 1000 0000 0000 0001" });
        shipped.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.RunJobsAsync();

        var shippedMail = (await app.MailToAsync(order.Buyer.Email)).Single(m => m.Subject == $"Your order {order.DisplayNumber} is on its way");
        shippedMail.TextBody.Should().Contain("USPS").And.Contain("9400 1000 0000 0000 0001");
        (await order.Buyer.Browser.GetPageAsync(order.BuyerUrl)).QuerySelector("main")!.TextContent.Should().Contain("Sent with USPS, tracking 9400 1000 0000 0000 0001");

        (await seller.PressAsync(order, "delivered")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var delivered = await order.Buyer.Browser.GetPageAsync(order.BuyerUrl);
        (await order.Buyer.Browser.SubmitAsync(delivered, "form#received", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var completed = await app.OrderAsync(order);
        completed.Status.Should().Be(OrderStatus.Completed);
        var releasable = await app.PayoutAsync(order);
        releasable.Status.Should().Be(PayoutStatus.Releasable);
        releasable.ReleasableAt.Should().Be(completed.CompletedAt!.Value + new FulfilmentWorkerOptions().PayoutHoldPeriod);
        releasable.Net.Amount.Should().Be(3050 - 240, "$30.50 paid, 10 % commission on the $24.00 of goods");

        await app.RunTaskAsync<ReleasePayouts>();
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Releasable, "the hold period has not passed");

        app.Clock.Advance(new FulfilmentWorkerOptions().PayoutHoldPeriod);
        await app.RunTaskAsync<ReleasePayouts>();
        await app.RunJobsAsync();

        var paid = await app.PayoutAsync(order);
        paid.Status.Should().Be(PayoutStatus.Paid);
        paid.IsTest.Should().BeTrue();
        paid.TransferId.Should().StartWith("test_tr_");
        var payouts = await seller.GetPageAsync("/Seller/Payouts");
        payouts.QuerySelectorAll(".payout-list li").Single(li => li.TextContent.Contains(order.DisplayNumber)).TextContent
            .Should().Contain("$28.10").And.Contain(paid.TransferId!).And.Contain("TEST — no money moved");
        (await app.MailToAsync(order.Seller.OwnerEmail)).Should().ContainSingle(m => m.Subject == $"Payout for {order.DisplayNumber}: $28.10");
        var timeline = (await seller.GetPageAsync(order.SellerUrl)).QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        timeline.Should().HaveCount(6).And.Contain(t => t.Contains("Shipped") && t.Contains("USPS")).And.Contain(t => t.Contains("Completed") && t.Contains("by the buyer"));
    }

    [Fact]
    public async Task A_pickup_order_is_handed_over_only_with_the_code_the_buyer_sees()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Pickup);
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.PressAsync(order, "prepare")).Dispose();

        using var ready = await seller.PressAsync(order, "ready");
        ready.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.RunJobsAsync();

        var code = (await app.OrderAsync(order)).PickupCode!;
        (await order.Buyer.Browser.GetPageAsync(order.BuyerUrl)).QuerySelector(".pickup-code .code")!.TextContent.Should().Be(code);
        (await app.MailToAsync(order.Buyer.Email)).Single(m => m.Subject == $"Your order {order.DisplayNumber} is ready for pickup").TextBody
            .Should().Contain(code).And.Contain("12 Orchard Lane, Millbrook");
        var sellerPage = await seller.GetPageAsync(order.SellerUrl);
        sellerPage.DocumentElement.OuterHtml.Should().NotContain(code, "the seller asks the buyer for the code");

        var wrong = code == "ABCDEF" ? "ABCDEG" : "ABCDEF";
        var refusal = await (await seller.SubmitAsync(sellerPage, "form#handover", new Dictionary<string, string> { ["HandOver.Code"] = wrong })).ExpectRefusalAsync();
        refusal.QuerySelector("[role=alert]")!.TextContent.Should().Contain("That pickup code does not match this order.");
        var unchanged = await app.OrderAsync(order);
        unchanged.Status.Should().Be(OrderStatus.ReadyForPickup);
        unchanged.StatusHistory.Should().HaveCount(3);

        (await seller.SubmitAsync(sellerPage, "form#handover", new Dictionary<string, string> { ["HandOver.Code"] = $" {code.ToLowerInvariant()} " }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.PickedUp);
        await app.RunJobsAsync();
        (await app.MailToAsync(order.Buyer.Email)).Should().ContainSingle(m => m.Subject == $"You collected your order {order.DisplayNumber}");

        var settings = new FulfilmentWorkerOptions();
        app.Clock.Advance(settings.AutoCompleteAfter - TimeSpan.FromMinutes(1));
        await app.RunTaskAsync<CompleteDeliveredOrders>();
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.PickedUp, "48 hours have not passed");

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.RunTaskAsync<CompleteDeliveredOrders>();
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Completed);
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Releasable);

        app.Clock.Advance(settings.PayoutHoldPeriod);
        await app.RunTaskAsync<ReleasePayouts>();
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Paid);
    }

    [Fact]
    public async Task Local_delivery_goes_out_and_is_delivered_and_each_step_is_emailed_to_the_buyer()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.LocalDelivery);
        var seller = await app.SignInAsSellerAsync(order.Seller);

        foreach (var step in new[] { "prepare", "out-for-delivery", "delivered" })
        {
            (await seller.PressAsync(order, step)).StatusCode.Should().Be(HttpStatusCode.Redirect, step);
        }

        await app.RunJobsAsync();
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Delivered);
        (await app.MailToAsync(order.Buyer.Email)).Select(m => m.Subject).Should().Contain(
        [
            $"{order.Seller.Name} is preparing your order {order.DisplayNumber}",
            $"Your order {order.DisplayNumber} is out for delivery",
            $"Your order {order.DisplayNumber} was delivered",
        ]);
    }

    [Fact]
    public async Task The_seller_cancels_with_a_reason_the_buyer_is_refunded_and_the_stock_returns()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping, quantity: 3, stock: 5);
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.PressAsync(order, "prepare")).Dispose();
        (await app.StockAsync(order.Product)).Should().Be(2);

        var noReason = await (await seller.PressAsync(order, "cancel", new Dictionary<string, string> { ["Cancel.Reason"] = " " })).ExpectRefusalAsync(HttpStatusCode.BadRequest);
        noReason.QuerySelector("[data-valmsg-for='Cancel.Reason']")!.TextContent.Should().Contain("Tell the buyer why");
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Preparing);

        using var cancelled = await seller.PressAsync(order, "cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "Frost took the crop." });
        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await app.RunJobsAsync();

        var after = await app.OrderAsync(order);
        after.Status.Should().Be(OrderStatus.Cancelled);
        after.RefundedAmount.Should().Be(after.Total);
        (await app.StockAsync(order.Product)).Should().Be(5);
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Reversed);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == order.DisplayNumber && a.Action == "order.refunded.test"))).Should().Be(1);
        (await app.MailToAsync(order.Buyer.Email)).Single(m => m.Subject == $"Order {order.DisplayNumber} cancelled").TextBody
            .Should().Contain("Frost took the crop.").And.Contain($"We refunded {after.Total.Format()}");
        (await seller.GetPageAsync(order.SellerUrl)).QuerySelectorAll(".order-actions form").Should().BeEmpty("nothing can be done to a cancelled order");
    }

    [Fact]
    public async Task Steps_the_order_does_not_allow_now_are_refused_by_hand_made_posts_and_change_nothing()
    {
        var shipping = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        var seller = await app.SignInAsSellerAsync(shipping.Seller);
        var ship = new Dictionary<string, string> { ["Ship.Carrier"] = "UPS", ["Ship.TrackingNumber"] = "1Z999" };

        var notPrepared = await (await seller.PostByHandAsync(shipping.SellerUrl, "Ship", ship)).ExpectRefusalAsync();
        notPrepared.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Only orders being prepared can be shipped.");
        (await seller.PostByHandAsync(shipping.SellerUrl, "HandOver", new Dictionary<string, string> { ["HandOver.Code"] = "ABCDEF" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await seller.PostByHandAsync(shipping.SellerUrl, "Delivered")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.OrderAsync(shipping)).Status.Should().Be(OrderStatus.Paid);

        (await seller.PressAsync(shipping, "prepare")).Dispose();
        var noCarrier = await (await seller.PressAsync(shipping, "ship", new Dictionary<string, string> { ["Ship.Carrier"] = "" })).ExpectRefusalAsync(HttpStatusCode.BadRequest);
        noCarrier.QuerySelector("[data-valmsg-for='Ship.Carrier']")!.TextContent.Should().Contain("Say which carrier");
        (await seller.PostByHandAsync(shipping.SellerUrl, "Ready")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.OrderAsync(shipping)).Status.Should().Be(OrderStatus.Preparing);

        var pickup = await app.PaidOrderAsync(shipping.Seller, shipping.Product, FulfilmentMethod.Pickup);
        (await seller.PressAsync(pickup, "prepare")).Dispose();
        var shipAPickup = await (await seller.PostByHandAsync(pickup.SellerUrl, "Ship", ship)).ExpectRefusalAsync();
        shipAPickup.QuerySelector("[role=alert]")!.TextContent.Should().Contain("This order is for pickup, so it cannot be shipped.");
        (await app.OrderAsync(pickup)).Carrier.Should().BeNull();

        (await seller.PressAsync(pickup, "cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "Sold out at the market." })).Dispose();
        var onCancelled = await (await seller.PostByHandAsync(pickup.SellerUrl, "Prepare")).ExpectRefusalAsync();
        onCancelled.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Only paid orders can start preparing.");
        var cancelAgain = await (await seller.PostByHandAsync(pickup.SellerUrl, "Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "Again" })).ExpectRefusalAsync();
        cancelAgain.QuerySelector("[role=alert]")!.TextContent.Should().Contain("already cancelled");
        var cancelled = await app.OrderAsync(pickup);
        cancelled.Status.Should().Be(OrderStatus.Cancelled);
        cancelled.CancellationReason.Should().Be("Sold out at the market.");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == pickup.DisplayNumber && a.Action == "order.refunded.test"))).Should().Be(1);
    }

    [Fact]
    public async Task An_unpaid_order_cannot_be_shipped_or_cancelled_by_its_seller()
    {
        var farm = await app.CreateSellerAsync("Orchard Farm");
        var pears = await app.CreateProductAsync(farm, "Conference pears", 500, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (pears, 1));
        var (checkoutId, _) = await buyer.CheckOutAsync();
        var unpaid = (await app.OrdersOfAsync(checkoutId)).Single();
        var url = $"/Seller/Orders/{unpaid.DisplayNumber}";
        var seller = await app.SignInAsSellerAsync(farm);

        (await seller.GetPageAsync(url)).QuerySelectorAll(".order-actions form").Should().BeEmpty();
        (await seller.PostByHandAsync(url, "Prepare")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await seller.PostByHandAsync(url, "Ship", new Dictionary<string, string> { ["Ship.Carrier"] = "UPS" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var cancel = await (await seller.PostByHandAsync(url, "Cancel", new Dictionary<string, string> { ["Cancel.Reason"] = "No" })).ExpectRefusalAsync();
        cancel.QuerySelector("[role=alert]")!.TextContent.Should().Contain("not paid yet");

        (await app.WithDbAsync(db => db.Orders.SingleAsync(o => o.Id == unpaid.Id))).Status.Should().Be(OrderStatus.PendingPayment);
        (await seller.GetPageAsync("/Seller/Orders")).QuerySelector("main")!.TextContent.Should().NotContain(unpaid.DisplayNumber, "unpaid checkouts are not work yet");
    }

    [Fact]
    public async Task Another_sellers_order_is_404_on_every_page_and_handler_and_nothing_changes()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Pickup);
        var mine = await app.SignInAsSellerAsync(order.Seller);
        (await mine.PressAsync(order, "prepare")).Dispose();
        var before = await app.OrderAsync(order);
        var neighbour = await app.CreateSellerAsync("Valley Honey");
        var stranger = await app.SignInAsSellerAsync(neighbour);

        await stranger.GetPageAsync(order.SellerUrl, HttpStatusCode.NotFound);
        await stranger.GetPageAsync($"/Seller/Orders/{order.Number}", HttpStatusCode.NotFound);
        await stranger.GetPageAsync($"{order.SellerUrl}/packing", HttpStatusCode.NotFound);
        foreach (var (handler, values) in new (string, Dictionary<string, string>)[]
        {
            ("Prepare", []),
            ("Ship", new() { ["Ship.Carrier"] = "UPS" }),
            ("Ready", []),
            ("HandOver", new() { ["HandOver.Code"] = "ABCDEF" }),
            ("OutForDelivery", []),
            ("Delivered", []),
            ("Cancel", new() { ["Cancel.Reason"] = "Not mine" }),
        })
        {
            using var response = await stranger.PostByHandAsync(order.SellerUrl, handler, values);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, handler);
        }

        var after = await app.OrderAsync(order);
        after.Status.Should().Be(OrderStatus.Preparing);
        after.Version.Should().Be(before.Version);
        (await stranger.GetPageAsync("/Seller/Orders")).QuerySelector("main")!.TextContent.Should().NotContain(order.DisplayNumber);
        (await stranger.GetPageAsync("/Seller/Payouts")).QuerySelector("main")!.TextContent.Should().NotContain(order.DisplayNumber);
        await order.Buyer.Browser.GetPageAsync(order.SellerUrl, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_packing_list_prints_who_where_and_what_without_the_site_navigation()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping, quantity: 3);
        var seller = await app.SignInAsSellerAsync(order.Seller);

        var packing = await seller.GetPageAsync($"{order.SellerUrl}/packing");

        packing.QuerySelector("h1")!.TextContent.Should().Contain(order.DisplayNumber);
        packing.QuerySelector("address")!.TextContent.Should().Contain("Ada Buyer").And.Contain("4 Mill Road").And.Contain("802-555-0100");
        packing.QuerySelector("tbody")!.TextContent.Should().Contain("3").And.Contain("Russet apples");
        packing.QuerySelector(".site-header, .seller-nav").Should().BeNull();
        packing.QuerySelector("main")!.TextContent.Should().NotContain("$", "a packing list goes in the parcel: no prices");
    }

    [Fact]
    public async Task Orders_are_listed_by_status_newest_first_and_an_unknown_status_is_404()
    {
        var first = await app.PaidOrderAsync(FulfilmentMethod.Pickup);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await app.PaidOrderAsync(first.Seller, first.Product, FulfilmentMethod.Shipping);
        var seller = await app.SignInAsSellerAsync(first.Seller);
        (await seller.PressAsync(first, "prepare")).Dispose();

        var all = await seller.GetPageAsync("/Seller/Orders");
        all.QuerySelectorAll(".seller-orders li strong").Select(s => s.TextContent).Should().Equal(second.DisplayNumber, first.DisplayNumber);
        all.QuerySelector(".tabs a[aria-current=page]")!.TextContent.Should().Contain("All");
        (await seller.GetPageAsync("/Seller/Orders?status=Paid")).QuerySelectorAll(".seller-orders li strong").Select(s => s.TextContent).Should().Equal(second.DisplayNumber);
        var preparing = await seller.GetPageAsync("/Seller/Orders?status=Preparing");
        preparing.QuerySelectorAll(".seller-orders li strong").Select(s => s.TextContent).Should().Equal(first.DisplayNumber);
        preparing.QuerySelector(".tabs a[aria-current=page]")!.TextContent.Should().Contain("Preparing").And.Contain("1");
        await seller.GetPageAsync("/Seller/Orders?status=Lost", HttpStatusCode.NotFound);
        await seller.GetPageAsync("/Seller/Orders?page=9", HttpStatusCode.NotFound);
    }
}

public sealed class SqliteSellerOrderTests(SqliteApp app) : SellerOrderTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSellerOrderTests(PostgresApp app) : SellerOrderTests(app), IClassFixture<PostgresApp>;
