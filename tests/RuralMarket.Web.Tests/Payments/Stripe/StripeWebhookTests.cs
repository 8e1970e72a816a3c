using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Payouts;

namespace RuralMarket.Web.Tests.Payments.Stripe;

public abstract class StripeWebhookTests(StripeAppFactory app)
{
    public static TheoryData<string> Refusals => ["forged", "tampered", "wrong secret", "connect secret on the platform endpoint", "platform secret on the connect endpoint", "stale", "malformed", "unsigned"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_webhook_that_is_not_genuine_and_fresh_gets_400_and_nothing_is_stored(string how)
    {
        var (seller, accountId) = await app.ConnectedSellerAsync("Hill Farm");
        var json = app.Stripe.FinishOnboarding(accountId);
        var now = app.Clock.GetUtcNow();
        var before = await CountsAsync();

        using var response = how switch
        {
            "forged" => await app.DeliverAsync(json, secret: "whsec_someone_else_entirely"),
            "tampered" => await app.DeliverAsync(json.Replace("\"payouts_enabled\":true", "\"payouts_enabled\":false", StringComparison.Ordinal), signature: FakeStripe.Sign(json, StripeAppFactory.WebhookSecret, now)),
            "wrong secret" => await app.DeliverAsync(json, secret: "whsec_platform_test_secret_0009"),
            "connect secret on the platform endpoint" => await app.DeliverAsync(json, "/webhooks/stripe", StripeAppFactory.ConnectWebhookSecret),
            "platform secret on the connect endpoint" => await app.DeliverAsync(json, "/webhooks/stripe/connect", StripeAppFactory.WebhookSecret),
            "stale" => await app.DeliverAsync(json, signedAt: now.AddMinutes(-10)),
            "malformed" => await app.DeliverAsync("{\"id\": \"evt_1\", \"object\": \"event\", \"type\": "),
            _ => await SendUnsignedAsync(json),
        };

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await CountsAsync()).Should().Be(before);
        await app.RunJobsAsync();
        (await app.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller.Id).Select(s => s.PayoutsEnabled).SingleAsync())).Should().BeTrue("nothing was applied");
    }

    [Fact]
    public async Task A_genuine_event_signed_a_moment_ago_is_stored_with_its_apply_job_and_acknowledged_at_once()
    {
        var (_, accountId) = await app.ConnectedSellerAsync("Hill Farm");
        var json = app.Stripe.FinishOnboarding(accountId);
        var before = await CountsAsync();

        using var response = await app.DeliverAsync(json, "/webhooks/stripe/connect", StripeAppFactory.ConnectWebhookSecret, app.Clock.GetUtcNow().AddMinutes(-4));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountsAsync()).Should().Be((before.Events + 1, before.Jobs + 1));
        var stored = await app.WithDbAsync(db => db.PaymentEvents.AsNoTracking().OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.Id).FirstAsync());
        stored.Provider.Should().Be("stripe");
        stored.AppliedAt.Should().BeNull("the job applies it later");
    }

    [Fact]
    public async Task A_dispute_marks_the_order_and_holds_its_payout_and_a_won_dispute_releases_the_hold()
    {
        var (_, order, chargeId, _) = await app.PaidOrderAsync(("Brown eggs", 600, 2));

        await app.DeliverAndApplyAsync(app.Stripe.DisputeEvent(chargeId, "charge.dispute.created", "needs_response"));

        (await app.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.IsDisputed).SingleAsync())).Should().BeTrue();
        var held = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.Id));
        held.OnHold.Should().BeTrue();
        held.HoldReason.Should().StartWith("Payment dispute dp_");

        await app.DeliverAndApplyAsync(app.Stripe.DisputeEvent(chargeId, "charge.dispute.closed", "won"));

        (await app.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).Select(o => o.IsDisputed).SingleAsync())).Should().BeFalse();
        var released = await app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.Id));
        released.OnHold.Should().BeFalse();
        released.Status.Should().Be(PayoutStatus.Pending);
    }

    [Fact]
    public async Task Stripe_webhooks_need_no_antiforgery_token_or_cookie_and_unknown_event_types_are_acknowledged_without_storing()
    {
        var json = app.Stripe.EventJson("customer.created", new System.Text.Json.Nodes.JsonObject { ["id"] = "cus_1", ["object"] = "customer" });
        var before = await CountsAsync();

        using var response = await app.DeliverAsync(json);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await CountsAsync()).Should().Be(before);
    }

    private async Task<HttpResponseMessage> SendUnsignedAsync(string json)
    {
        using var client = app.CreateClient();
        return await client.PostAsync(new Uri("/webhooks/stripe", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
    }

    private Task<(int Events, int Jobs)> CountsAsync() =>
        app.WithDbAsync(async db => (await db.PaymentEvents.CountAsync(), await db.Jobs.CountAsync(j => j.Type == "payments.apply-event")));
}

public sealed class SqliteStripeWebhookTests(SqliteStripeApp app) : StripeWebhookTests(app), IClassFixture<SqliteStripeApp>;

public sealed class PostgresStripeWebhookTests(PostgresStripeApp app) : StripeWebhookTests(app), IClassFixture<PostgresStripeApp>;
