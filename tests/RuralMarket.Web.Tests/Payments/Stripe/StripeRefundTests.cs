using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Payouts;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Payments.Stripe;

public abstract class StripeRefundTests(StripeAppFactory app)
{
    [Fact]
    public async Task A_full_refund_before_the_transfer_refunds_the_charge_and_cancels_the_payout_with_no_reversal()
    {
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Brown eggs", 600, 2)); // 12.00 + 6.50 shipping

        using var refunded = await app.AdminRefundsAsync(order, amount: null);

        refunded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stripeRefund = app.Stripe.Read(s => s.Refunds.Single(r => r.ChargeId == chargeId));
        stripeRefund.Amount.Should().Be(1850);
        stripeRefund.IdempotencyKey.Should().Be($"refund:order:{order.Id:N}:0+1850");
        var refund = await app.WithDbAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.OrderId == order.Id));
        refund.ProviderRefundId.Should().Be(stripeRefund.Id);
        refund.Reason.Should().Be("Parcel arrived damaged");
        refund.RequestedByUserId.Should().NotBeNull();
        refund.ReversedFromSeller.IsZero.Should().BeTrue();
        refund.TransferReversalId.Should().BeNull();
        (await app.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id))).IsFullyRefunded.Should().BeTrue();
        (await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.Id))).Status.Should().Be(PayoutStatus.Reversed);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.TargetId == order.DisplayNumber && a.Action == "order.refunded"));
        audit.BeforeJson.Should().Contain("\"refunded\":0");
        audit.AfterJson.Should().Contain("\"refunded\":1850").And.Contain(stripeRefund.Id);

        var page = await (await app.SignInAsync("admin@demo.ruralmarket.local")).GetPageAsync($"/Admin/Orders/{order.DisplayNumber}/Refund");
        page.QuerySelector(".refundable")!.TextContent.Should().Be("$0.00");
        page.QuerySelector(".refund-list")!.TextContent.Should().Contain("$18.50").And.Contain("Parcel arrived damaged");
        app.Stripe.Read(s => s.Transfers.Values.Count(t => t.SourceTransaction == chargeId)).Should().Be(0, "the payout was reversed before any transfer");

        await app.DeliverAndApplyAsync(app.Stripe.ChargeRefunded(chargeId));
        (await app.WithDbAsync(db => db.PaymentEvents.Where(e => e.Type == "refunded").OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).Select(e => e.Outcome).FirstAsync()))
            .Should().Be("Refunds agree: $18.50 refunded.");
    }

    [Fact]
    public async Task A_refund_after_the_transfer_reverses_the_sellers_share_from_that_transfer()
    {
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Brown eggs", 600, 2));
        await app.CompleteAndReleaseAsync(order.Id);
        var transfer = app.Stripe.Read(s => s.Transfers.Values.Single(t => t.SourceTransaction == chargeId));
        transfer.Amount.Should().Be(1730);

        using var refunded = await app.AdminRefundsAsync(order, amount: null, reason: "Eggs were cracked");

        refunded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var reversal = app.Stripe.Read(s => s.Reversals.Single(r => r.TransferId == transfer.Id));
        reversal.Amount.Should().Be(1730, "the seller gives back all they were paid; the platform refunds its own fee");
        app.Stripe.Read(s => s.Refunds.Single(r => r.ChargeId == chargeId).Amount).Should().Be(1850);
        var refund = await app.WithDbAsync(db => db.Refunds.AsNoTracking().SingleAsync(r => r.OrderId == order.Id));
        refund.ReversedFromSeller.Amount.Should().Be(1730);
        refund.TransferReversalId.Should().Be(reversal.Id);
        (await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.Id))).Status.Should().Be(PayoutStatus.Reversed);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.TargetId == order.DisplayNumber && a.Action == "payout.reversed"))).Should().Be(1);
    }

    [Fact]
    public async Task Partial_refunds_split_across_the_lines_by_largest_remainder_and_the_reversals_add_up_to_exactly_the_sellers_net()
    {
        // Goods 3.33 + 3.33 + 3.34 = 10.00 (fee 1.00), shipping 6.50: total 16.50, seller's net 15.50.
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Plum jam", 333, 1), ("Fig jam", 333, 1), ("Pear jam", 334, 1));
        await app.CompleteAndReleaseAsync(order.Id);
        var transfer = app.Stripe.Read(s => s.Transfers.Values.Single(t => t.SourceTransaction == chargeId));
        transfer.Amount.Should().Be(1550);

        using (var first = await app.AdminRefundsAsync(order, "5.00", "One jar leaked"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.TargetId == order.DisplayNumber && a.Action == "order.refunded"));
        var lines = JsonDocument.Parse(audit.AfterJson!).RootElement.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("name").GetString()!.Split(" × ")[0], l.GetProperty("amount").GetInt64())).ToList();
        lines.Should().BeEquivalentTo([("Plum jam", 101L), ("Fig jam", 101L), ("Pear jam", 101L), ("Delivery", 197L)], "floors 100 + 100 + 101 + 196 leave 3 cents, which go to the largest remainders: delivery, then the two 3.33 jars");
        app.Stripe.Read(s => s.Reversals.Where(r => r.TransferId == transfer.Id).Select(r => r.Amount).ToList()).Should().Equal(470L);

        using (var rest = await app.AdminRefundsAsync(order, amount: null, reason: "Buyer returned the rest"))
        {
            rest.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        app.Stripe.Read(s => s.Refunds.Where(r => r.ChargeId == chargeId).Select(r => r.Amount).ToList()).Should().Equal(500L, 1150L);
        app.Stripe.Read(s => s.Reversals.Where(r => r.TransferId == transfer.Id).Select(r => r.Amount).ToList()).Should().Equal(470L, 1080L);
        app.Stripe.Read(s => s.Transfers[transfer.Id].AmountReversed).Should().Be(1550, "exactly what the seller was paid");
        (await app.WithDbAsync(db => db.Refunds.Where(r => r.OrderId == order.Id).SumAsync(r => r.ReversedFromSeller.Amount))).Should().Be(1550);
    }

    [Fact]
    public async Task A_partial_refund_before_the_transfer_lowers_the_transfer_by_the_sellers_share()
    {
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Plum jam", 333, 1), ("Fig jam", 333, 1), ("Pear jam", 334, 1));

        using (var refunded = await app.AdminRefundsAsync(order, "5.00", "One jar leaked"))
        {
            refunded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        await app.CompleteAndReleaseAsync(order.Id);

        app.Stripe.Read(s => s.Transfers.Values.Single(t => t.SourceTransaction == chargeId).Amount).Should().Be(1550 - 470);
        app.Stripe.Read(s => s.Reversals.Count(r => s.Transfers[r.TransferId].SourceTransaction == chargeId)).Should().Be(0);
    }

    [Fact]
    public async Task Refunding_more_than_is_left_or_without_a_reason_is_refused_in_the_form_and_nothing_moves()
    {
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Brown eggs", 600, 1));

        using var tooMuch = await app.AdminRefundsAsync(order, "99.00");
        using var noReason = await app.AdminRefundsAsync(order, "1.00", reason: "");

        tooMuch.StatusCode.Should().Be(HttpStatusCode.OK);
        (await tooMuch.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("At most $12.50 can still be refunded.");
        (await noReason.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.Should().Contain("Say why");
        app.Stripe.Read(s => s.Refunds.Count(r => r.ChargeId == chargeId)).Should().Be(0);
        (await app.WithDbAsync(db => db.Refunds.CountAsync(r => r.OrderId == order.Id))).Should().Be(0);
    }

    [Fact]
    public async Task Yen_a_zero_decimal_currency_crosses_to_Stripe_in_whole_yen_for_the_session_the_refund_and_the_transfer()
    {
        var (tea, account) = await app.ConnectedYenSellerAsync("Uji Tea Garden");
        var sencha = await app.CreateYenProductAsync(tea, "Sencha 100 g", 1200, 10);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, (sencha, 2));

        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);

        session.Currency.Should().Be("jpy");
        session.Lines.Select(l => (l.UnitAmount, l.Quantity)).Should().Equal((1200L, 2L), (500L, 1L));
        session.AmountTotal.Should().Be(2900, "¥2,900 is 2900 to Stripe, not 290000");
        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id));
        var order = (await app.OrdersOfAsync(checkoutId)).Single();
        order.PlatformFee.Amount.Should().Be(240);

        using (var fractional = await app.AdminRefundsAsync(order, "7.5"))
        {
            (await fractional.ReadPageAsync()).QuerySelector("[data-valmsg-for='Input.Amount']")!.TextContent.Should().Contain("JPY amounts cannot have a fractional part.");
        }

        using (var refunded = await app.AdminRefundsAsync(order, "700"))
        {
            refunded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        app.Stripe.Read(s => s.Refunds.Single(r => s.Charges[r.ChargeId].TransferGroup == checkoutId.ToString()).Amount).Should().Be(700);
        await app.CompleteAndReleaseAsync(order.Id);
        var transfer = app.Stripe.Read(s => s.Transfers.Values.Single(t => t.Destination == account));
        transfer.Currency.Should().Be("jpy");
        transfer.Amount.Should().Be(2900 - 240 - 642, "the net less the seller's ¥642 of the ¥700 refund");
        var page = await (await app.SignInAsync("admin@demo.ruralmarket.local")).GetPageAsync($"/Admin/Orders/{order.DisplayNumber}/Refund");
        page.QuerySelector(".refundable")!.TextContent.Should().Be("¥2200");
    }
}

public sealed class SqliteStripeRefundTests(SqliteStripeApp app) : StripeRefundTests(app), IClassFixture<SqliteStripeApp>;

public sealed class PostgresStripeRefundTests(PostgresStripeApp app) : StripeRefundTests(app), IClassFixture<PostgresStripeApp>;
