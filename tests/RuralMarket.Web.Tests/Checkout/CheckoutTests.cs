using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Ordering;
using RuralMarket.Web.Tests.Cart;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Checkout;

public abstract class CheckoutTests(AppFactory app)
{
    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_back()
    {
        using var response = await app.CreateBrowser().GetAsync(new Uri("/checkout", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/SignIn").And.Contain("ReturnUrl=%2Fcheckout");
    }

    [Fact]
    public async Task A_two_seller_checkout_paid_with_the_test_provider_makes_two_paid_orders_payouts_and_emails()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var bakery = await app.CreateSellerAsync("Village Bakery");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var bread = await app.CreateProductAsync(bakery, "Sourdough loaf", 800, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (eggs, 2), (bread, 1));

        var checkoutPage = await buyer.Browser.GetPageAsync("/checkout");
        checkoutPage.QuerySelectorAll(".checkout-seller h3 a").Select(a => a.TextContent).Should().BeEquivalentTo([farm.Name, bakery.Name]);
        checkoutPage.QuerySelector(".checkout-total")!.TextContent.Should().Contain("$33.00"); // 12 + 6.50 + 8 + 6.50
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();

        paymentPage.QuerySelector(".test-banner")!.TextContent.Should().Contain("TEST PAYMENT — no money moves");
        (await app.StockAsync(eggs)).Should().Be(8, "stock is reserved when the checkout starts");
        (await app.WithDbAsync(db => db.Carts.Where(c => c.BuyerUserId == buyer.UserId).SelectMany(c => c.Lines).CountAsync())).Should().Be(0);

        using var paid = await buyer.PressAsync(paymentPage, "pay");
        paid.Headers.Location!.ToString().Should().Be($"/checkout/{checkoutId}/done");
        var pending = await buyer.Browser.GetPageAsync($"/checkout/{checkoutId}/done");
        pending.QuerySelector("h1")!.TextContent.Should().Be("Payment received, confirming…");

        await app.RunJobsAsync();

        var done = await buyer.Browser.GetPageAsync($"/checkout/{checkoutId}/done");
        done.QuerySelector("h1")!.TextContent.Should().Contain("Thank you");
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
        var orders = await app.OrdersOfAsync(checkoutId);
        orders.Should().HaveCount(2).And.OnlyContain(o => o.Status == OrderStatus.Paid);
        orders.Select(o => o.SellerId).Should().BeEquivalentTo([farm.Id, bakery.Id]);
        orders.Single(o => o.SellerId == farm.Id).PlatformFee.Amount.Should().Be(120, "10 % of the $12 goods, not of the shipping");
        var payouts = await app.WithDbAsync(db => db.Payouts.AsNoTracking().Where(p => orders.Select(o => o.Id).Contains(p.OrderId)).ToListAsync());
        payouts.Should().HaveCount(2).And.OnlyContain(p => p.Status == PayoutStatus.Pending);

        var mail = await app.SentMailAsync();
        mail.Should().Contain(m => m.To == buyer.Email && m.Subject.Contains(orders[0].DisplayNumber) && m.Subject.Contains(orders[1].DisplayNumber));
        mail.Should().Contain(m => m.To == farm.OwnerEmail && m.Subject == $"New order {orders.Single(o => o.SellerId == farm.Id).DisplayNumber}");
        mail.Should().Contain(m => m.To == bakery.OwnerEmail && m.Subject == $"New order {orders.Single(o => o.SellerId == bakery.Id).DisplayNumber}");

        var list = await buyer.Browser.GetPageAsync("/orders");
        list.QuerySelectorAll(".order-list a").Select(a => a.TextContent).Should().Contain([orders[0].DisplayNumber, orders[1].DisplayNumber]);
        var detail = await buyer.Browser.GetPageAsync($"/orders/{orders[0].DisplayNumber}");
        detail.QuerySelectorAll(".timeline li").Select(li => li.TextContent).Should().Contain(t => t.Contains("Paid"));
        detail.QuerySelector("address")!.TextContent.Should().Contain("4 Mill Road");
    }

    [Fact]
    public async Task A_declined_payment_fails_the_checkout_cancels_its_orders_returns_the_stock_and_puts_the_items_back_in_the_cart()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var honey = await app.CreateProductAsync(farm, "Clover honey", 900, 4);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (honey, 3));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await app.StockAsync(honey)).Should().Be(1);

        (await buyer.PressAsync(paymentPage, "decline")).Dispose();
        await app.RunJobsAsync();

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Failed);
        (await app.OrdersOfAsync(checkoutId)).Should().OnlyContain(o => o.Status == OrderStatus.Cancelled);
        (await app.StockAsync(honey)).Should().Be(4);
        var done = await buyer.Browser.GetPageAsync($"/checkout/{checkoutId}/done");
        done.QuerySelector("h1")!.TextContent.Should().Be("Payment declined");
        done.QuerySelector("[role=alert]")!.TextContent.Should().Contain("Your items are back in your cart");
        (await CartAsync(buyer)).Should().Equal((honey.Id, 3, FulfilmentMethod.Pickup));

        // Ordering again is one press: the same cart checks out (and pays) with the same way of getting it.
        var (again, againPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(againPage, "pay")).Dispose();
        await app.RunJobsAsync();
        (await app.OrdersOfAsync(again)).Should().ContainSingle().Which.Method.Should().Be(FulfilmentMethod.Pickup);
        (await CartAsync(buyer)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_expired_checkout_puts_its_items_back_only_when_the_buyer_has_not_ordered_since()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var jam = await app.CreateProductAsync(farm, "Damson jam", 500, 9);
        var cider = await app.CreateProductAsync(farm, "Cider", 800, 9);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (jam, 2));
        var (first, firstPage) = await buyer.CheckOutAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (cider, 1));
        (await buyer.PressAsync(firstPage, "expire")).Dispose();
        await app.RunJobsAsync();

        // The cart the buyer filled meanwhile keeps its line, and the expired checkout's jam joins it.
        (await CartAsync(buyer)).Should().BeEquivalentTo([(cider.Id, 1, FulfilmentMethod.Shipping), (jam.Id, 2, FulfilmentMethod.Shipping)]);
        var (second, secondPage) = await buyer.CheckOutAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var (third, _) = await PlaceAnotherAsync(buyer, jam);
        (await buyer.PressAsync(secondPage, "expire")).Dispose();
        await app.RunJobsAsync();

        (await app.CheckoutStatusAsync(second)).Should().Be(CheckoutStatus.Expired);
        (await CartAsync(buyer)).Should().BeEmpty("the buyer placed another checkout after this one");
        (await buyer.Browser.GetPageAsync($"/checkout/{second}/done")).QuerySelector("[role=alert]")!.TextContent.Should().Contain("not put back");
        (await app.CheckoutStatusAsync(third)).Should().Be(CheckoutStatus.AwaitingPayment);
        (await app.CheckoutStatusAsync(first)).Should().Be(CheckoutStatus.Expired);
    }

    private async Task<(Guid CheckoutId, AngleSharp.Html.Dom.IHtmlDocument PaymentPage)> PlaceAnotherAsync(Buyer buyer, TestProduct product)
    {
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (product, 1));
        return await buyer.CheckOutAsync();
    }

    private Task<List<(Guid ProductId, int Quantity, FulfilmentMethod Method)>> CartAsync(Buyer buyer) =>
        app.WithDbAsync(async db =>
        {
            var cart = await db.Carts.AsNoTracking().SingleOrDefaultAsync(c => c.BuyerUserId == buyer.UserId);
            return cart is null ? [] : cart.Lines.Select(l => (l.ProductId, l.Quantity, cart.ChosenMethodFor(l.SellerId))).ToList();
        });

    [Fact]
    public async Task Letting_the_payment_expire_returns_the_stock_and_a_second_expiry_changes_nothing()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var jam = await app.CreateProductAsync(farm, "Plum jam", 500, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (jam, 2));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();

        (await buyer.PressAsync(paymentPage, "expire")).Dispose();
        (await buyer.PressAsync(paymentPage, "expire")).Dispose();
        await app.RunJobsAsync();
        await RunExpirySweepAsync();

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Expired);
        (await app.StockAsync(jam)).Should().Be(5);
    }

    [Fact]
    public async Task Unpaid_checkouts_expire_after_the_time_to_pay_and_paying_them_then_is_refused()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var cider = await app.CreateProductAsync(farm, "Sweet cider", 700, 6);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (cider, 2));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        await RunExpirySweepAsync();
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.AwaitingPayment, "30 minutes have not passed");

        app.Clock.Advance(TimeSpan.FromMinutes(31));
        using var late = await buyer.PressAsync(paymentPage, "pay");

        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.ReadPageAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("expired").And.Contain("can no longer be paid");
        (await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.EventId.StartsWith(checkoutId.ToString("N"))))).Should().Be(0);

        await RunExpirySweepAsync();
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Expired);
        (await app.StockAsync(cider)).Should().Be(6);
        (await app.OrdersOfAsync(checkoutId)).Should().OnlyContain(o => o.Status == OrderStatus.Cancelled);
        await app.RunJobsAsync(); // the checkout's own expiry job finds it settled
        (await app.StockAsync(cider)).Should().Be(6);
    }

    [Fact]
    public async Task Submitting_the_checkout_form_twice_creates_one_checkout()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var cheese = await app.CreateProductAsync(farm, "Farm cheddar", 1200, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (cheese, 1));
        var page = await buyer.Browser.GetPageAsync("/checkout");

        var together = await Task.WhenAll(
            buyer.Browser.SubmitAsync(page, "form.checkout", CheckoutSteps.With(null)),
            buyer.Browser.SubmitAsync(page, "form.checkout", CheckoutSteps.With(null)));
        using var again = await buyer.Browser.SubmitAsync(page, "form.checkout", CheckoutSteps.With(null));

        var locations = together.Append(again).Select(r => r.Headers.Location?.ToString()).ToList();
        locations.Should().OnlyContain(l => l != null && l.StartsWith("/test-payment/")).And.OnlyContain(l => l == locations[0]);
        (await app.CheckoutCountAsync(buyer)).Should().Be(1);
        (await app.StockAsync(cheese)).Should().Be(9);
        foreach (var response in together)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_price_posted_by_hand_is_ignored()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var lamb = await app.CreateProductAsync(farm, "Lamb shoulder", 2500, 3);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (lamb, 1));

        using var placed = await buyer.PlaceOrderAsync(new Dictionary<string, string>
        {
            ["Input.Total"] = "0.01",
            ["Price"] = "1",
            ["Input.Lines[0].UnitPrice"] = "1",
            ["UnitPrice"] = "1",
        });

        placed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var checkout = await app.WithDbAsync(db => db.Checkouts.AsNoTracking().SingleAsync(c => c.BuyerUserId == buyer.UserId));
        checkout.Total.Amount.Should().Be(2500);
        (await app.OrdersOfAsync(checkout.Id)).Single().Lines.Single().UnitPrice.Amount.Should().Be(2500);
    }

    [Fact]
    public async Task A_line_that_ran_short_is_named_and_nothing_is_ordered()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var bakery = await app.CreateSellerAsync("Village Bakery");
        var eggs = await app.CreateProductAsync(farm, "Duck eggs", 700, 5);
        var pie = await app.CreateProductAsync(bakery, "Apple pie", 1500, 2);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (eggs, 2), (pie, 2));
        var page = await buyer.Browser.GetPageAsync("/checkout");
        await app.WithDbAsync(async db => await db.Products.Where(p => p.Id == pie.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 1)));

        using var response = await buyer.Browser.SubmitAsync(page, "form.checkout", CheckoutSteps.With(null));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Apple pie");
        (await app.CheckoutCountAsync(buyer)).Should().Be(0);
        (await app.StockAsync(eggs)).Should().Be(5);
        (await app.StockAsync(pie)).Should().Be(1);
    }

    [Fact]
    public async Task A_missing_address_is_asked_for_and_nothing_is_written()
    {
        var (buyer, eggs) = await app.BuyerWithOneInCartAsync("Quail eggs", FulfilmentMethod.Shipping);

        using var response = await buyer.PlaceOrderAsync(new Dictionary<string, string> { ["Input.Line1"] = "", ["Input.Town"] = " " });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        page.QuerySelector("#Input_Line1 + .field-error, [data-valmsg-for='Input.Line1']")!.TextContent.Should().Contain("address");
        (await app.CheckoutCountAsync(buyer)).Should().Be(0);
        (await app.StockAsync(eggs)).Should().Be(5);
    }

    [Theory]
    [InlineData("", "Enter the ZIP code.")]
    [InlineData("5001", "A US ZIP code has five digits, like 05826.")]
    public async Task A_us_address_needs_a_zip_code_and_nothing_is_written(string postalCode, string message)
    {
        var (buyer, eggs) = await app.BuyerWithOneInCartAsync("Bantam eggs", FulfilmentMethod.Shipping);

        using var response = await buyer.PlaceOrderAsync(new Dictionary<string, string> { ["Input.PostalCode"] = postalCode });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent.Should().Be(message);
        (await app.CheckoutCountAsync(buyer)).Should().Be(0);
        (await app.StockAsync(eggs)).Should().Be(5);
    }

    [Fact]
    public async Task Local_delivery_to_an_address_outside_the_sellers_radius_is_refused_with_the_distance_and_nothing_is_written()
    {
        var (buyer, eggs) = await app.BuyerWithOneInCartAsync("Pullet eggs", FulfilmentMethod.LocalDelivery);

        // Brattleboro is about 85 km south of the farm in Millbrook, which delivers within 25 km.
        using var far = await buyer.PlaceOrderAsync(new Dictionary<string, string> { ["Input.Town"] = "Brattleboro", ["Input.PostalCode"] = "05301" });
        far.StatusCode.Should().Be(HttpStatusCode.OK);
        (await far.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent
            .Should().MatchRegex(@"^Hill Farm \S+ delivers within 25 km of Millbrook, and Brattleboro, VT 05301 is about 8\d km away\. Choose shipping or pickup");

        using var unknown = await buyer.PlaceOrderAsync(new Dictionary<string, string> { ["Input.PostalCode"] = "00000" });
        (await unknown.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent.Should().Contain("needs a US ZIP code we know");

        using var abroad = await buyer.PlaceOrderAsync(new Dictionary<string, string> { ["Input.CountryCode"] = "CA", ["Input.PostalCode"] = "J0B 1A0" });
        (await abroad.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.PostalCode']")!.TextContent.Should().Contain("needs a US ZIP code we know");

        (await app.CheckoutCountAsync(buyer)).Should().Be(0);
        (await app.StockAsync(eggs)).Should().Be(5);

        // Inside the radius (the default test address, about 10 km away) the same cart checks out.
        await buyer.CheckOutAsync();
    }

    [Fact]
    public async Task The_cart_says_whether_local_delivery_reaches_the_location_the_buyer_gave()
    {
        var (buyer, _) = await app.BuyerWithOneInCartAsync("Guinea fowl eggs", FulfilmentMethod.LocalDelivery);
        (await buyer.Browser.GetPageAsync("/cart")).QuerySelector(".reach").Should().BeNull("the buyer has not said where they are");

        async Task<string> ReachAfterSettingAsync(string zip)
        {
            var nearMe = await buyer.Browser.GetPageAsync("/near-me");
            (await buyer.Browser.SubmitAsync(nearMe, "form.near-form", new Dictionary<string, string> { ["Input.PostalCode"] = zip })).Dispose();
            return (await buyer.Browser.GetPageAsync("/cart")).QuerySelector(".reach")!.TextContent;
        }

        (await ReachAfterSettingAsync("05001")).Should().MatchRegex(@"^Reaches you near White River Junction, VT 05001 \(about \d+ km\)$");
        (await ReachAfterSettingAsync("05301")).Should().MatchRegex(@"^Doesn't reach you near Brattleboro, VT 05301 \(about 8\d km away\)$");
    }

    [Fact]
    public async Task Another_buyers_order_and_checkout_are_404()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Goose eggs", 900, 5);
        var owner = await app.BuyerAsync();
        await app.FillCartAsync(owner, FulfilmentMethod.Shipping, (eggs, 1));
        var (checkoutId, _) = await owner.CheckOutAsync();
        var number = (await app.OrdersOfAsync(checkoutId)).Single().DisplayNumber;
        var stranger = await app.BuyerAsync();

        await stranger.Browser.GetPageAsync($"/orders/{number}", HttpStatusCode.NotFound);
        await stranger.Browser.GetPageAsync($"/checkout/{checkoutId}/done", HttpStatusCode.NotFound);
        await stranger.Browser.GetPageAsync($"/test-payment/{checkoutId}", HttpStatusCode.NotFound);
        await owner.Browser.GetPageAsync($"/orders/{number}");
        await owner.Browser.GetPageAsync("/orders/not-a-number", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Cancelling_a_paid_order_before_preparation_refunds_it_returns_the_stock_and_tells_both_sides()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var beef = await app.CreateProductAsync(farm, "Beef mince", 1100, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (beef, 2));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        var number = (await app.OrdersOfAsync(checkoutId)).Single().DisplayNumber;
        var detail = await buyer.Browser.GetPageAsync($"/orders/{number}");

        using var cancelled = await buyer.Browser.SubmitAsync(detail, "form#cancel", new Dictionary<string, string>());
        await app.RunJobsAsync();

        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var order = (await app.OrdersOfAsync(checkoutId)).Single();
        order.Status.Should().Be(OrderStatus.Cancelled);
        order.RefundedAmount.Should().Be(order.Total);
        (await app.StockAsync(beef)).Should().Be(5);
        (await app.WithDbAsync(db => db.Payouts.SingleAsync(p => p.OrderId == order.Id))).Status.Should().Be(PayoutStatus.Reversed);
        var mail = await app.SentMailAsync();
        mail.Should().Contain(m => m.To == buyer.Email && m.Subject == $"Order {number} cancelled");
        mail.Should().Contain(m => m.To == farm.OwnerEmail && m.Subject == $"Order {number} cancelled by the buyer");
        (await buyer.Browser.GetPageAsync($"/orders/{number}")).QuerySelector("form#cancel").Should().BeNull();
    }

    [Fact]
    public async Task Once_the_seller_starts_preparing_cancelling_is_refused_and_received_completes_a_delivered_order()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var beef = await app.CreateProductAsync(farm, "Beef steak", 1900, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (beef, 1));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        var number = (await app.OrdersOfAsync(checkoutId)).Single().Number;
        var paidPage = await buyer.Browser.GetPageAsync($"/orders/RM-{number:D6}");
        await SellerMovesAsync(number, o => o.StartPreparing(null, app.Clock));

        using var refused = await buyer.Browser.SubmitAsync(paidPage, "form#cancel", new Dictionary<string, string>());
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.ReadPageAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("already started");

        await SellerMovesAsync(number, o =>
        {
            o.MarkShipped("Post", "TRACK1", null, app.Clock);
            o.MarkDelivered(null, app.Clock);
        });
        var delivered = await buyer.Browser.GetPageAsync($"/orders/RM-{number:D6}");
        using var received = await buyer.Browser.SubmitAsync(delivered, "form#received", new Dictionary<string, string>());

        received.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.OrdersOfAsync(checkoutId)).Single().Status.Should().Be(OrderStatus.Completed);
        (await buyer.Browser.GetPageAsync($"/orders/RM-{number:D6}")).QuerySelectorAll(".timeline li").Select(li => li.TextContent)
            .Should().Contain(t => t.Contains("Delivered")).And.Contain(t => t.Contains("Completed"));
    }

    [Fact]
    public async Task The_checkout_form_without_an_antiforgery_token_is_refused_with_400_and_writes_nothing()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (eggs, 2));
        var versionBefore = await CartVersionAsync(buyer);
        var page = await buyer.Browser.GetPageAsync("/checkout");

        using var forged = await buyer.Browser.PostWithoutTokenAsync(page, "form.checkout", CheckoutSteps.Address.ToDictionary());

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.CheckoutCountAsync(buyer)).Should().Be(0);
        (await app.StockAsync(eggs)).Should().Be(10);
        (await CartAsync(buyer)).Should().Equal((eggs.Id, 2, FulfilmentMethod.Shipping));
        (await CartVersionAsync(buyer)).Should().Be(versionBefore);

        // The same form with its token goes through: the token was the only thing missing.
        await buyer.CheckOutAsync();
        (await app.StockAsync(eggs)).Should().Be(8);
    }

    [Fact]
    public async Task The_test_payment_buttons_without_an_antiforgery_token_are_refused_with_400_and_the_checkout_stays_unpaid()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var cider = await app.CreateProductAsync(farm, "Dry cider", 700, 6);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (cider, 2));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();

        foreach (var button in new[] { "pay", "decline", "expire" })
        {
            using var forged = await buyer.Browser.PostWithoutTokenAsync(paymentPage, $"form#{button}");
            forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the {0} button needs the antiforgery token", button);
        }

        await app.RunJobsAsync();
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.AwaitingPayment);
        (await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.EventId.StartsWith(checkoutId.ToString("N"))))).Should().Be(0);
        (await app.OrdersOfAsync(checkoutId)).Should().OnlyContain(o => o.Status == OrderStatus.PendingPayment);
        (await app.StockAsync(cider)).Should().Be(4, "the reservation stands");

        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
    }

    [Fact]
    public async Task The_order_pages_cancel_and_received_forms_without_an_antiforgery_token_are_refused_with_400_and_change_nothing()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var beef = await app.CreateProductAsync(farm, "Beef brisket", 2100, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (beef, 1));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        var number = (await app.OrdersOfAsync(checkoutId)).Single().Number;
        var url = $"/orders/RM-{number:D6}";

        using (var forgedCancel = await buyer.Browser.PostWithoutTokenAsync(await buyer.Browser.GetPageAsync(url), "form#cancel"))
        {
            forgedCancel.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        await app.RunJobsAsync();
        var stillPaid = (await app.OrdersOfAsync(checkoutId)).Single();
        stillPaid.Status.Should().Be(OrderStatus.Paid);
        stillPaid.RefundedAmount.IsZero.Should().BeTrue();
        (await app.StockAsync(beef)).Should().Be(4);

        await SellerMovesAsync(number, o =>
        {
            o.StartPreparing(null, app.Clock);
            o.MarkShipped("Post", "TRACK2", null, app.Clock);
            o.MarkDelivered(null, app.Clock);
        });
        var delivered = await buyer.Browser.GetPageAsync(url);
        using (var forgedReceived = await buyer.Browser.PostWithoutTokenAsync(delivered, "form#received"))
        {
            forgedReceived.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await app.OrdersOfAsync(checkoutId)).Single().Status.Should().Be(OrderStatus.Delivered);
        (await app.WithDbAsync(db => db.Payouts.SingleAsync(p => p.OrderId == stillPaid.Id))).Status.Should().Be(PayoutStatus.Pending);

        using var received = await buyer.Browser.SubmitAsync(delivered, "form#received", new Dictionary<string, string>());
        received.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.OrdersOfAsync(checkoutId)).Single().Status.Should().Be(OrderStatus.Completed);
    }

    [Fact]
    public async Task Another_buyers_cart_id_tampered_into_the_checkout_form_places_nothing_for_either_buyer()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var ham = await app.CreateProductAsync(farm, "Smoked ham", 1800, 6);
        var bacon = await app.CreateProductAsync(farm, "Streaky bacon", 900, 6);
        var owner = await app.BuyerAsync();
        var tamperer = await app.BuyerAsync();
        await app.FillCartAsync(owner, FulfilmentMethod.Shipping, (ham, 2));
        await app.FillCartAsync(tamperer, FulfilmentMethod.Shipping, (bacon, 1));
        var ownersVersion = await CartVersionAsync(owner);
        var ownersForm = (await owner.Browser.GetPageAsync("/checkout")).QuerySelector("form.checkout")!;
        string Hidden(string name) => ownersForm.QuerySelector($"input[name='{name}']")!.GetAttribute("value")!;

        using var response = await tamperer.PlaceOrderAsync(new Dictionary<string, string>
        {
            ["Input.CartId"] = Hidden("Input.CartId"),
            ["Input.CartVersion"] = Hidden("Input.CartVersion"),
        });

        // PlaceCheckout looks the cart up by id and the signed-in buyer together, so another buyer's cart is "not there".
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("This page no longer matches your cart.");
        (await app.WithDbAsync(db => db.Checkouts.CountAsync(c => c.BuyerUserId == owner.UserId || c.BuyerUserId == tamperer.UserId))).Should().Be(0);
        (await app.WithDbAsync(db => db.Orders.CountAsync(o => o.BuyerUserId == owner.UserId || o.BuyerUserId == tamperer.UserId))).Should().Be(0);
        (await CartAsync(owner)).Should().Equal((ham.Id, 2, FulfilmentMethod.Shipping));
        (await CartVersionAsync(owner)).Should().Be(ownersVersion);
        (await CartAsync(tamperer)).Should().Equal((bacon.Id, 1, FulfilmentMethod.Shipping));
        (await app.StockAsync(ham)).Should().Be(6);
        (await app.StockAsync(bacon)).Should().Be(6);
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("suspended")]
    public async Task A_line_whose_product_was_hidden_or_whose_seller_was_suspended_after_it_went_in_the_cart_is_left_out_of_the_checkout(string what)
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var flagged = await app.CreateSellerAsync("Fly By Night");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var candles = await app.CreateProductAsync(flagged, "Beeswax candles", 1500, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (eggs, 2), (candles, 1));
        if (what == "hidden")
        {
            await app.ChangeProductAsync(candles, p => p.Hide("Misleading photo", app.Clock));
        }
        else
        {
            await app.SuspendAsync(flagged);
        }

        var page = await buyer.Browser.GetPageAsync("/checkout");
        page.QuerySelector($"article.checkout-seller[aria-label='From {flagged.Name}'] .error")!.TextContent.Should().Contain("won't be included");
        page.QuerySelector(".checkout-total")!.TextContent.Should().Contain("$18.50"); // 2 × $6 eggs + $6.50 shipping, no candles
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();

        var checkout = await app.WithDbAsync(db => db.Checkouts.AsNoTracking().SingleAsync(c => c.Id == checkoutId));
        checkout.Total.Amount.Should().Be(1850);
        var order = (await app.OrdersOfAsync(checkoutId)).Should().ContainSingle().Subject;
        order.SellerId.Should().Be(farm.Id);
        order.Status.Should().Be(OrderStatus.Paid);
        order.Total.Amount.Should().Be(1850);
        order.Lines.Should().ContainSingle().Which.ProductId.Should().Be(eggs.Id);
        (await app.WithDbAsync(db => db.Orders.CountAsync(o => o.SellerId == flagged.Id))).Should().Be(0);
        (await app.StockAsync(candles)).Should().Be(10);
        (await app.StockAsync(eggs)).Should().Be(8);
    }

    [Fact]
    public async Task The_platform_fee_is_frozen_when_an_order_is_placed_and_a_new_commission_applies_only_to_later_orders()
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var cheese = await app.CreateProductAsync(farm, "Farmhouse brie", 2000, 10);
        var first = await app.BuyerAsync();
        await app.FillCartAsync(first, FulfilmentMethod.Pickup, (cheese, 1));
        var (paidBefore, firstPage) = await first.CheckOutAsync();
        (await first.PressAsync(firstPage, "pay")).Dispose();
        var second = await app.BuyerAsync();
        await app.FillCartAsync(second, FulfilmentMethod.Pickup, (cheese, 1));
        var (placedBefore, secondPage) = await second.CheckOutAsync();
        await app.RunJobsAsync();

        await app.WithDbAsync(async db =>
        {
            (await db.Sellers.SingleAsync(s => s.Id == farm.Id)).SetCommission(2500, app.Clock);
            return await db.SaveChangesAsync();
        });
        (await second.PressAsync(secondPage, "pay")).Dispose();
        var third = await app.BuyerAsync();
        await app.FillCartAsync(third, FulfilmentMethod.Pickup, (cheese, 1));
        var (placedAfter, thirdPage) = await third.CheckOutAsync();
        (await third.PressAsync(thirdPage, "pay")).Dispose();
        await app.RunJobsAsync();

        // 10 % of $20 for the orders placed before the change (paid before it or after), 25 % for the one placed after.
        foreach (var (checkoutId, fee) in new[] { (paidBefore, 200L), (placedBefore, 200L), (placedAfter, 500L) })
        {
            var order = (await app.OrdersOfAsync(checkoutId)).Single();
            order.Status.Should().Be(OrderStatus.Paid);
            order.PlatformFee.Amount.Should().Be(fee);
            var payout = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.Id));
            payout.Commission.Amount.Should().Be(fee);
            payout.Net.Amount.Should().Be(2000 - fee);
        }
    }

    [Fact]
    public async Task Received_completes_a_picked_up_order_once_the_seller_has_handed_it_over()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Pickup);
        var seller = await app.SignInAsSellerAsync(order.Seller);
        (await seller.PressAsync(order, "prepare")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await seller.PressAsync(order, "ready")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await order.Buyer.Browser.GetPageAsync(order.BuyerUrl)).QuerySelector("form#received").Should().BeNull("the goods have not been collected yet");

        var code = (await app.OrderAsync(order)).PickupCode!;
        (await seller.PressAsync(order, "handover", new Dictionary<string, string> { ["HandOver.Code"] = code })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.PickedUp);
        var pickedUp = await order.Buyer.Browser.GetPageAsync(order.BuyerUrl);
        using var received = await order.Buyer.Browser.SubmitAsync(pickedUp, "form#received", new Dictionary<string, string>());

        received.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var completed = await app.OrderAsync(order);
        completed.Status.Should().Be(OrderStatus.Completed);
        completed.CompletedAt.Should().NotBeNull();
        (await app.PayoutAsync(order)).Status.Should().Be(PayoutStatus.Releasable);
        var page = await order.Buyer.Browser.GetPageAsync(order.BuyerUrl);
        page.QuerySelectorAll(".timeline li").Select(li => li.TextContent).Should().Contain(t => t.Contains("Picked up")).And.Contain(t => t.Contains("Completed"));
        page.QuerySelector("form#received").Should().BeNull();
    }

    private Task<int> CartVersionAsync(Buyer buyer) =>
        app.WithDbAsync(db => db.Carts.Where(c => c.BuyerUserId == buyer.UserId).Select(c => c.Version).SingleAsync());

    private Task<int> SellerMovesAsync(long number, Action<Order> move) =>
        app.WithDbAsync(async db =>
        {
            move(await db.Orders.SingleAsync(o => o.Number == number));
            return await db.SaveChangesAsync();
        });

    private async Task RunExpirySweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExpireUnpaidCheckouts>().RunAsync(CancellationToken.None);
    }
}

public sealed class SqliteCheckoutTests(SqliteApp app) : CheckoutTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCheckoutTests(PostgresApp app) : CheckoutTests(app), IClassFixture<PostgresApp>;
