using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Payments.Stripe;

public abstract class StripeOnboardingTests(StripeAppFactory app)
{
    [Fact]
    public async Task A_seller_sets_up_payouts_through_Stripe_and_may_publish_once_account_updated_says_payouts_are_enabled()
    {
        var seller = await app.CreateSellerAsync("Hill Farm");
        var draft = await DraftAsync(seller, "Brown eggs");
        var browser = await app.SignInAsync(seller.OwnerEmail);

        var edit = await browser.GetPageAsync($"/Seller/Products/{draft}");
        edit.QuerySelector(".notice-inline")!.TextContent.Should().Contain("Set up payouts with Stripe before publishing");
        edit.QuerySelector(".notice-inline a")!.GetAttribute("href").Should().Be("/Seller/Payouts");
        using (var refused = await browser.PressAsync(edit, "form[action*='handler=Publish']"))
        {
            refused.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await StatusAsync(draft)).Should().Be(ProductStatus.Draft);
        (await browser.GetPageAsync($"/Seller/Products/{draft}")).QuerySelector(".flash")!.TextContent.Should().Contain("Set up payouts with Stripe before publishing").And.Contain("Nothing was changed");

        var payouts = await browser.GetPageAsync("/Seller/Payouts");
        payouts.QuerySelector(".payout-setup button")!.TextContent.Should().Be("Set up payouts with Stripe");
        using var toStripe = await browser.PressAsync(payouts, "form.payout-setup");

        toStripe.StatusCode.Should().Be(HttpStatusCode.Redirect);
        toStripe.Headers.Location!.ToString().Should().StartWith("https://connect.stripe.com/setup/e/acct_");
        var accountId = await app.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller.Id).Select(s => s.PayoutAccountId).SingleAsync());
        accountId.Should().NotBeNull();
        app.Stripe.Read(s => s.Accounts[accountId!].Email).Should().Be(seller.OwnerEmail);
        app.Stripe.Read(s => s.Requests.Single(r => r.Path == "/v1/accounts" && r.IdempotencyKey == $"account:seller:{seller.Id:N}").Status).Should().Be(200);

        var back = await browser.GetPageAsync("/Seller/Payouts/Return");
        back.QuerySelector(".payout-account-state")!.TextContent.Should().Contain("Payouts not enabled yet");
        back.QuerySelector(".payout-needs")!.TextContent.Should().Contain("A bank account for your payouts").And.Contain("Your date of birth");
        var again = await browser.GetPageAsync("/Seller/Payouts/Refresh");
        again.QuerySelector(".payout-setup button")!.TextContent.Should().Be("Continue setting up payouts with Stripe");

        await app.DeliverAndApplyAsync(app.Stripe.FinishOnboarding(accountId!), "/webhooks/stripe/connect", StripeAppFactory.ConnectWebhookSecret);

        (await app.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller.Id).Select(s => new { s.ChargesEnabled, s.PayoutsEnabled }).SingleAsync()))
            .Should().Be(new { ChargesEnabled = true, PayoutsEnabled = true });
        edit = await browser.GetPageAsync($"/Seller/Products/{draft}");
        edit.QuerySelector(".notice-inline").Should().BeNull();
        using (var published = await browser.PressAsync(edit, "form[action*='handler=Publish']"))
        {
            published.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await StatusAsync(draft)).Should().Be(ProductStatus.Active);
        (await browser.GetPageAsync("/Seller/Payouts/Return")).QuerySelector("h1")!.TextContent.Should().Be("Payouts are set up");
    }

    [Fact]
    public async Task An_account_event_is_checked_against_Stripe_so_a_stale_one_cannot_enable_payouts()
    {
        var seller = await app.CreateSellerAsync("Hill Farm");
        var browser = await app.SignInAsync(seller.OwnerEmail);
        using (await browser.PressAsync(await browser.GetPageAsync("/Seller/Payouts"), "form.payout-setup"))
        {
        }

        var accountId = await app.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller.Id).Select(s => s.PayoutAccountId).SingleAsync());
        var claimsEnabled = app.Stripe.FinishOnboarding(accountId!);
        app.Stripe.Read(s => s.Accounts[accountId!].PayoutsEnabled = false); // Stripe has since disabled payouts again

        await app.DeliverAndApplyAsync(claimsEnabled, "/webhooks/stripe/connect", StripeAppFactory.ConnectWebhookSecret);

        (await app.WithDbAsync(db => db.Sellers.Where(s => s.Id == seller.Id).Select(s => s.PayoutsEnabled).SingleAsync())).Should().BeFalse();
    }

    private Task<Guid> DraftAsync(TestSeller seller, string title) =>
        app.WithDbAsync(async db =>
        {
            var product = Product.Create(seller.Id, title, null, Category.All[0].Id, new Money(600, "USD"), "each", 10, FulfilmentMethod.Shipping, false, SeasonWindow.AllYear, app.Clock);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });

    private Task<ProductStatus> StatusAsync(Guid productId) =>
        app.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Status).SingleAsync());
}

public sealed class SqliteStripeOnboardingTests(SqliteStripeApp app) : StripeOnboardingTests(app), IClassFixture<SqliteStripeApp>;

public sealed class PostgresStripeOnboardingTests(PostgresStripeApp app) : StripeOnboardingTests(app), IClassFixture<PostgresStripeApp>;
