using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Payments.Stripe;

public abstract class StripeCheckoutTests(StripeAppFactory app)
{
    [Fact]
    public async Task A_two_seller_checkout_is_one_session_with_every_line_and_pays_each_seller_by_one_transfer_from_the_charge()
    {
        var (farm, farmAccount) = await app.ConnectedSellerAsync("Hill Farm");
        var (bakery, bakeryAccount) = await app.ConnectedSellerAsync("Village Bakery");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var bread = await app.CreateProductAsync(bakery, "Sourdough loaf", 800, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (eggs, 2), (bread, 1));

        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);

        session.TransferGroup.Should().Be(checkoutId.ToString());
        session.Currency.Should().Be("usd");
        session.AmountTotal.Should().Be(3300, "12.00 + 6.50 shipping + 8.00 + 6.50 shipping");
        session.Lines.Select(l => (l.Name.Split(" — ")[0], l.UnitAmount, l.Quantity)).Should().BeEquivalentTo(
            [("Brown eggs", 600L, 2L), ("Shipping", 650L, 1L), ("Sourdough loaf", 800L, 1L), ("Shipping", 650L, 1L)]);
        session.ExpiresAt.Should().Be(new DateTimeOffset(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(45)).ToUnixTimeSeconds());
        app.Stripe.Read(s => s.Requests.Count(r => r.Path == "/v1/checkout/sessions" && r.IdempotencyKey == $"checkout-session:{checkoutId:N}")).Should().Be(1);
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.AwaitingPayment);

        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id));

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
        var chargeId = app.Stripe.Read(s => s.Charges.Values.Single(c => c.TransferGroup == checkoutId.ToString()).Id);
        (await app.WithDbAsync(db => db.Checkouts.Where(c => c.Id == checkoutId).Select(c => c.PaymentReference).SingleAsync())).Should().Be(chargeId);
        var orders = await app.OrdersOfAsync(checkoutId);
        orders.Should().HaveCount(2).And.OnlyContain(o => o.Status == OrderStatus.Paid);

        await app.CompleteAndReleaseAsync([.. orders.Select(o => o.Id)]);

        var eggsOrder = orders.Single(o => o.SellerId == farm.Id);
        var breadOrder = orders.Single(o => o.SellerId == bakery.Id);
        var transfers = app.Stripe.Read(s => s.Transfers.Values.Where(t => t.SourceTransaction == chargeId).ToList());
        transfers.Should().HaveCount(2).And.OnlyContain(t => t.TransferGroup == checkoutId.ToString() && t.Currency == "usd");
        transfers.Single(t => t.Destination == farmAccount).Should().Match<FakeTransfer>(t => t.Amount == 1850 - 120 && t.IdempotencyKey == $"transfer:{eggsOrder.Id:N}");
        transfers.Single(t => t.Destination == bakeryAccount).Should().Match<FakeTransfer>(t => t.Amount == 1450 - 80 && t.IdempotencyKey == $"transfer:{breadOrder.Id:N}");
        var payouts = await app.WithDbAsync(db => db.Payouts.AsNoTracking().Where(p => p.OrderId == eggsOrder.Id || p.OrderId == breadOrder.Id).ToListAsync());
        payouts.Should().OnlyContain(p => p.Status == PayoutStatus.Paid && !p.IsTest && transfers.Select(t => t.Id).Contains(p.TransferId));

        await app.RunTaskAsync<RuralMarket.Infrastructure.Fulfilment.ReleasePayouts>();
        app.Stripe.Read(s => s.Transfers.Values.Count(t => t.SourceTransaction == chargeId)).Should().Be(2, "a released payout is never transferred again");
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_stored_and_applied_once()
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (eggs, 1));
        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);
        var completed = app.Stripe.CompleteSession(session.Id);

        using (var first = await app.DeliverAsync(completed))
        using (var second = await app.DeliverAsync(completed))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            second.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await app.RunJobsAsync();
        await app.DeliverAndApplyAsync(completed);

        var eventId = System.Text.Json.JsonDocument.Parse(completed).RootElement.GetProperty("id").GetString();
        (await app.WithDbAsync(db => db.PaymentEvents.CountAsync(e => e.EventId == eventId))).Should().Be(1);
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
        var order = (await app.OrdersOfAsync(checkoutId)).Single();
        (await app.WithDbAsync(db => db.Payouts.CountAsync(p => p.OrderId == order.Id))).Should().Be(1);
        (await app.MailToAsync(farm.OwnerEmail)).Count(m => m.Subject == $"New order {order.DisplayNumber}").Should().Be(1);
    }

    [Fact]
    public async Task An_expiry_that_arrives_after_the_payment_leaves_the_checkout_paid()
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (eggs, 3));
        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);

        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id));
        await app.DeliverAndApplyAsync(app.Stripe.ExpireSession(session.Id));

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
        (await app.OrdersOfAsync(checkoutId)).Single().Status.Should().Be(OrderStatus.Paid);
        (await app.StockAsync(eggs)).Should().Be(7, "the sold eggs stay sold");
        (await app.WithDbAsync(db => db.PaymentEvents.Where(e => e.Type == "checkout.expired").OrderBy(e => e.ReceivedAt).Select(e => e.Outcome).ToListAsync()))
            .Last().Should().StartWith("Ignored: the checkout is already paid");
    }

    [Fact]
    public async Task A_bank_debit_that_completes_unpaid_and_then_fails_fails_the_checkout_and_releases_the_stock()
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var honey = await app.CreateProductAsync(farm, "Clover honey", 900, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (honey, 2));
        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);
        (await app.StockAsync(honey)).Should().Be(3);

        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id, paidNow: false));

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.AwaitingPayment, "the debit has not cleared yet");
        (await app.StockAsync(honey)).Should().Be(3);

        await app.DeliverAndApplyAsync(app.Stripe.AsyncPaymentFailed(session.Id));

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Failed);
        (await app.OrdersOfAsync(checkoutId)).Single().Status.Should().Be(OrderStatus.Cancelled);
        (await app.StockAsync(honey)).Should().Be(5);
        var done = await buyer.Browser.GetPageAsync($"/checkout/{checkoutId}/done");
        done.QuerySelector("main")!.TextContent.Should().Contain("did not go through");
    }

    [Fact]
    public async Task A_bank_debit_that_clears_later_pays_the_checkout_with_its_charge()
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var honey = await app.CreateProductAsync(farm, "Clover honey", 900, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (honey, 1));
        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);

        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id, paidNow: false));
        await app.DeliverAndApplyAsync(app.Stripe.AsyncPaymentSucceeded(session.Id));

        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
        var charge = app.Stripe.Read(s => s.Charges.Values.Single(c => c.TransferGroup == checkoutId.ToString()).Id);
        (await app.WithDbAsync(db => db.Checkouts.Where(c => c.Id == checkoutId).Select(c => c.PaymentReference).SingleAsync())).Should().Be(charge);
    }

    [Theory]
    [InlineData(FakeStripeFault.ServerError)]
    [InlineData(FakeStripeFault.TimeoutBeforeStripe)]
    public async Task When_Stripe_cannot_open_the_payment_page_the_buyer_is_told_the_stock_comes_back_and_placing_again_works(FakeStripeFault fault)
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 4);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (eggs, 3));
        app.Stripe.Fail("/v1/checkout/sessions", fault, times: 2); // the call and Stripe.net's one retry

        using var refused = await buyer.PlaceOrderAsync();

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await refused.ReadPageAsync();
        page.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("could not open the secure payment page").And.Contain("Nothing was charged");
        (await app.StockAsync(eggs)).Should().Be(4, "the reservation is released");
        var failed = await app.WithDbAsync(db => db.Checkouts.AsNoTracking().Where(c => c.BuyerUserId == buyer.UserId).ToListAsync());
        failed.Should().ContainSingle().Which.Status.Should().Be(CheckoutStatus.Failed);
        page.QuerySelectorAll(".checkout-seller").Should().NotBeEmpty("the items are back in the cart, ready to order again");

        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);

        (await app.StockAsync(eggs)).Should().Be(1);
        app.Stripe.Read(s => s.Sessions.Values.Count(x => x.ClientReferenceId == checkoutId.ToString())).Should().Be(1);
        app.Stripe.Read(s => s.Sessions.Values.Count(x => x.ClientReferenceId == failed[0].Id.ToString())).Should().Be(0);
        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id));
        (await app.CheckoutStatusAsync(checkoutId)).Should().Be(CheckoutStatus.Paid);
    }

    [Fact]
    public async Task A_session_made_but_its_answer_lost_is_not_made_twice_the_retry_replays_it_by_idempotency_key()
    {
        var (farm, _) = await app.ConnectedSellerAsync("Hill Farm");
        var eggs = await app.CreateProductAsync(farm, "Brown eggs", 600, 4);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (eggs, 1));
        app.Stripe.Fail("/v1/checkout/sessions", FakeStripeFault.TimeoutAfterStripe, times: 1);

        var (checkoutId, _) = await app.CheckOutOnStripeAsync(buyer);

        app.Stripe.Read(s => s.Sessions.Values.Count(x => x.ClientReferenceId == checkoutId.ToString())).Should().Be(1);
        app.Stripe.Read(s => s.Requests.Where(r => r.Path == "/v1/checkout/sessions" && r.IdempotencyKey == $"checkout-session:{checkoutId:N}").Count()).Should().Be(2);
    }
}

public sealed class SqliteStripeCheckoutTests(SqliteStripeApp app) : StripeCheckoutTests(app), IClassFixture<SqliteStripeApp>;

public sealed class PostgresStripeCheckoutTests(PostgresStripeApp app) : StripeCheckoutTests(app), IClassFixture<PostgresStripeApp>;
