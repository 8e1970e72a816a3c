using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Payments.Stripe;

/// <summary>Arranging and driving the Stripe journeys: connected sellers, paying on "Stripe", delivering signed webhooks.</summary>
public static class StripeSteps
{
    /// <summary>A seller (see <see cref="TestCatalog"/>) whose Stripe Express account exists in the fake and can receive payouts.</summary>
    public static async Task<(TestSeller Seller, string AccountId)> ConnectedSellerAsync(this StripeAppFactory app, string name)
    {
        var seller = await app.CreateSellerAsync(name);
        return (seller, await app.ConnectAsync(seller.Id));
    }

    public static async Task<string> ConnectAsync(this StripeAppFactory app, Guid sellerId)
    {
        var accountId = $"acct_{Guid.NewGuid():N}"[..21];
        app.Stripe.Read(s =>
        {
            var account = new FakeAccount { Id = accountId, Email = null, ChargesEnabled = true, PayoutsEnabled = true, DetailsSubmitted = true };
            account.CurrentlyDue.Clear();
            return s.Accounts[accountId] = account;
        });
        await app.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Id == sellerId);
            seller.ConnectPayoutAccount("stripe", accountId, app.Clock);
            seller.UpdatePayoutCapabilities(true, true, app.Clock);
            return await db.SaveChangesAsync();
        });
        return accountId;
    }

    /// <summary>An approved seller selling in Japanese yen (a zero-decimal currency): shipping ¥500.</summary>
    public static async Task<(TestSeller Seller, string AccountId)> ConnectedYenSellerAsync(this StripeAppFactory app, string name)
    {
        var ownerEmail = $"owner.{Guid.NewGuid():N}@example.com";
        await app.CreateUserAsync(ownerEmail, Roles.Seller);
        var seller = await app.WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == ownerEmail).Select(u => u.Id).SingleAsync();
            var yen = Seller.Apply(
                owner,
                $"{name} {Guid.NewGuid().ToString("N")[..6]}",
                "We grow tea.",
                new SellerLocation("Uji", "Kyoto", "611-0021", "JP", 34.88, 135.8),
                new FulfilmentOptions(false, null, null, null, false, 0, new Money(0, "JPY"), true, new Money(500, "JPY"), new Money(1_000_000, "JPY")),
                1000,
                app.Clock);
            yen.Approve(owner, app.Clock);
            db.Sellers.Add(yen);
            await db.SaveChangesAsync();
            return new TestSeller(yen.Id, yen.Name, yen.Slug, ownerEmail);
        });
        return (seller, await app.ConnectAsync(seller.Id));
    }

    public static Task<TestProduct> CreateYenProductAsync(this StripeAppFactory app, TestSeller seller, string title, long yen, int stock) =>
        app.WithDbAsync(async db =>
        {
            var product = Product.Create(seller.Id, title, null, Category.All[0].Id, new Money(yen, "JPY"), "each", stock, FulfilmentMethod.Shipping, false, SeasonWindow.AllYear, app.Clock);
            product.Publish(app.Clock);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return new TestProduct(product.Id, product.Title, product.Slug, seller, yen);
        });

    /// <summary>Places the order through /checkout; it must redirect to Stripe's hosted page. Returns the checkout id and the session.</summary>
    public static async Task<(Guid CheckoutId, FakeSession Session)> CheckOutOnStripeAsync(this StripeAppFactory app, Buyer buyer)
    {
        using var placed = await buyer.PlaceOrderAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var location = placed.Headers.Location!.ToString();
        location.Should().StartWith("https://checkout.stripe.com/c/pay/cs_test_");
        var session = app.Stripe.Read(s => s.Sessions[location[(location.LastIndexOf('/') + 1)..]]);
        return (Guid.Parse(session.ClientReferenceId), session);
    }

    /// <summary>Posts a webhook body as Stripe would: signed with <paramref name="secret"/> at <paramref name="signedAt"/> (default: the platform secret, now).</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(
        this StripeAppFactory app, string json, string path = "/webhooks/stripe", string? secret = null, DateTimeOffset? signedAt = null, string? signature = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? FakeStripe.Sign(json, secret ?? StripeAppFactory.WebhookSecret, signedAt ?? app.Clock.GetUtcNow()));
        return await client.SendAsync(request);
    }

    /// <summary>Delivers the event (it must be accepted) and lets the worker apply it.</summary>
    public static async Task DeliverAndApplyAsync(this StripeAppFactory app, string json, string path = "/webhooks/stripe", string? secret = null)
    {
        using var response = await app.DeliverAsync(json, path, secret);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await app.RunJobsAsync();
    }

    /// <summary>A paid two-line order of one connected seller, through the hosted page and the webhook.</summary>
    public static async Task<(Guid CheckoutId, Order Order, string ChargeId, TestSeller Seller)> PaidOrderAsync(this StripeAppFactory app, params (string Title, long Cents, int Quantity)[] lines)
    {
        var (seller, _) = await app.ConnectedSellerAsync("Hill Farm");
        var buyer = await app.BuyerAsync();
        var items = new List<(TestProduct, int)>();
        foreach (var (title, cents, quantity) in lines)
        {
            items.Add((await app.CreateProductAsync(seller, title, cents, 20), quantity));
        }

        await app.FillCartAsync(buyer, FulfilmentMethod.Shipping, [.. items]);
        var (checkoutId, session) = await app.CheckOutOnStripeAsync(buyer);
        await app.DeliverAndApplyAsync(app.Stripe.CompleteSession(session.Id));
        var order = (await app.OrdersOfAsync(checkoutId)).Single();
        var charge = await app.WithDbAsync(db => db.Checkouts.Where(c => c.Id == checkoutId).Select(c => c.PaymentReference).SingleAsync());
        return (checkoutId, order, charge!, seller);
    }

    /// <summary>The sellers ship, the buyers receive, the orders complete and the hold period passes: the release timer then transfers.</summary>
    public static async Task CompleteAndReleaseAsync(this StripeAppFactory app, params Guid[] orderIds)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var order in await db.Orders.Where(o => orderIds.Contains(o.Id)).ToListAsync())
            {
                order.StartPreparing(null, app.Clock);
                order.MarkShipped("Parcel post", null, null, app.Clock);
                order.MarkDelivered(null, app.Clock);
                order.Complete(null, app.Clock);
            }

            foreach (var payout in await db.Payouts.Where(p => orderIds.Contains(p.OrderId)).ToListAsync())
            {
                payout.MarkReleasable(app.Clock.GetUtcNow().UtcDateTime);
            }

            return await db.SaveChangesAsync();
        });
        await app.RunTaskAsync<ReleasePayouts>();
        await app.RunJobsAsync();
    }

    /// <summary>Presses a form's button: posts its hidden fields (the antiforgery token) to its action, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient browser, AngleSharp.Html.Dom.IHtmlDocument page, string formSelector)
    {
        var form = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Where(i => i.Type == "hidden").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        using var content = new FormUrlEncodedContent(fields);
        // Split path and query by hand: a "/path?query" string can be taken for a file path on Linux, its '?' escaped.
        var action = form.GetAttribute("action")!;
        var query = action.IndexOf('?', StringComparison.Ordinal);
        var target = new UriBuilder(browser.BaseAddress!) { Path = query < 0 ? action : action[..query], Query = query < 0 ? "" : action[(query + 1)..] }.Uri;
        return await browser.PostAsync(target, content);
    }

    /// <summary>An admin refunds through /Admin/Orders/{number}/Refund: null amount for everything left.</summary>
    public static async Task<HttpResponseMessage> AdminRefundsAsync(this StripeAppFactory app, Order order, string? amount, string reason = "Parcel arrived damaged")
    {
        var admin = await app.SignInAsync("admin@demo.ruralmarket.local");
        var page = await admin.GetPageAsync($"/Admin/Orders/{order.DisplayNumber}/Refund");
        return await admin.SubmitAsync(page, "form.refund-form", new Dictionary<string, string>
        {
            ["Input.Kind"] = amount is null ? "full" : "partial",
            ["Input.Amount"] = amount ?? "",
            ["Input.Reason"] = reason,
        });
    }
}
