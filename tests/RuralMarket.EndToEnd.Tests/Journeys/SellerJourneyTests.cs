using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RuralMarket.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>
/// A farmer becomes a seller and gets paid, in Chromium: applies, an admin approves, they list a product,
/// a buyer orders it, they prepare and ship it with tracking, the buyer confirms, and the payout is
/// released (as a test payout). And the farm-gate path: the order is handed over only with the buyer's code.
/// </summary>
public abstract partial class SellerJourneyTests(LiveApp app)
{
    private static readonly TimeSpan BackgroundWorkLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_farmer_applies_is_approved_lists_a_product_ships_the_order_and_is_paid_when_the_buyer_confirms()
    {
        var farmerEmail = await app.NewPersonAsync("Rosa Field");
        var buyerEmail = await app.NewPersonAsync("Ben Buyer");
        var shop = $"Rosa's Hill Honey {Guid.NewGuid().ToString("N")[..4]}";
        var product = $"Wildflower honey {Guid.NewGuid().ToString("N")[..4]}";

        // The farmer applies.
        await using var farmer = await app.StartJourneyAsync("seller-apply");
        var farmerPage = farmer.Page;
        await farmerPage.SignInAsAsync(farmerEmail);
        await farmerPage.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Sell", Exact = true }).TapAsync(); // signed in without a shop: straight to the form
        await Expect(farmerPage.GetByRole(AriaRole.Heading, new() { Name = "Apply to sell", Level = 1 })).ToBeVisibleAsync();
        await farmerPage.FillFieldAsync("Shop name", shop);
        await farmerPage.FillFieldAsync("Your story", "We keep **forty hives** on the hill above Montpelier.");
        await farmerPage.FillFieldAsync("Town", "Montpelier");
        await farmerPage.FillFieldAsync("State or region", "VT");
        await farmerPage.FillFieldAsync("Postal code", "05602");
        await farmerPage.TickAsync("Buyers can pick up orders");
        await farmerPage.FillFieldAsync("Pickup address", "Hill Road 7, Montpelier");
        await farmerPage.FillFieldAsync("Pickup hours", "Saturdays 9–12");
        await farmerPage.TickAsync("I ship orders");
        await farmerPage.FillFieldAsync("Shipping fee per order", "6.00");
        await farmerPage.TickAsync("I agree to the seller terms");
        await farmer.ScreenshotAsync("application", fullPage: true);
        await farmerPage.PressAsync("Send my application");
        await Expect(farmerPage.GetByRole(AriaRole.Heading, new() { Name = "Your seller application", Level = 1 })).ToBeVisibleAsync();
        await Expect(farmerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Waiting for review");

        // An admin approves.
        await using (var admin = await app.StartJourneyAsync("seller-approve"))
        {
            var adminPage = admin.Page;
            await adminPage.SignInAsAsync(DemoPeople.Admin);
            await adminPage.GotoAsync("/Admin/Sellers");
            await adminPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = shop }).First.TapAsync();
            await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Name = shop, Level = 1 })).ToBeVisibleAsync();
            await adminPage.PressAsync($"Approve {shop}");
            await Expect(adminPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Approved");
            admin.Problems.Should().BeEmpty();
        }

        // The farmer's application page now leads to their shop; they list a product and publish it.
        await farmerPage.GotoAsync("/sell");
        await farmerPage.GotoAsync("/Seller");
        await Expect(farmerPage.GetByRole(AriaRole.Heading, new() { Name = "Today", Level = 1 })).ToBeVisibleAsync();
        await farmerPage.OpenAsync("/Seller/Products/New", "New product");
        await farmerPage.FillFieldAsync("Title", product);
        await farmerPage.FillFieldAsync("Description", "Raw, unfiltered, from the clover and aster on our hill.");
        await farmerPage.FillFieldAsync("Price (USD)", "9.50");
        await farmerPage.FillFieldAsync("Price is", "per 1 lb jar");
        await farmerPage.FillFieldAsync("In stock", "12");
        await farmerPage.TickAsync("Shipping");
        await farmerPage.PressAsync("Save draft");
        await Expect(farmerPage.GetByRole(AriaRole.Heading, new() { Name = product, Level = 1 })).ToBeVisibleAsync();
        await farmerPage.PressAsync("Publish");
        await Expect(farmerPage.GetByRole(AriaRole.Button, new() { Name = "Unpublish", Exact = true })).ToBeVisibleAsync();

        // A buyer finds it, orders two jars and pays.
        await using var buyer = await app.StartJourneyAsync("seller-buyer");
        var buyerPage = buyer.Page;
        await buyerPage.SignInAsAsync(buyerEmail);
        await buyerPage.OpenProductFromSearchAsync(product);
        await buyerPage.AddToCartAsync(quantity: 2);
        var orderNumber = await buyerPage.CheckOutAndPayAsync(BackgroundWorkLimit);

        // The seller prepares it and ships it with tracking.
        await farmerPage.GotoAsync("/Seller/Orders");
        await farmerPage.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = orderNumber, Exact = true }).TapAsync();
        await Expect(farmerPage.GetByRole(AriaRole.Heading, new() { Name = $"Order {orderNumber}", Level = 1 })).ToBeVisibleAsync();
        await Expect(farmerPage.GetByRole(AriaRole.Main)).ToContainTextAsync(product);
        await farmerPage.PressAsync("Start preparing");
        await farmerPage.FillFieldAsync("Carrier", "USPS");
        await farmerPage.FillFieldAsync("Tracking number", "9400 1112 0200 0000 0000 01");
        await farmerPage.PressAsync("Mark shipped");
        await farmerPage.ExpectTimelineAsync("Shipped");
        await farmer.ScreenshotAsync("order-shipped", fullPage: true);
        await farmerPage.PressAsync("Mark delivered");
        await farmerPage.ExpectTimelineAsync("Delivered");

        // The buyer sees the tracking number and confirms they received it.
        await buyerPage.GotoAsync($"/orders/{orderNumber}");
        await Expect(buyerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("9400 1112 0200 0000 0000 01");
        await buyerPage.PressAsync("I received it");
        await Expect(buyerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("Completed");

        // After the (one-second) hold, the worker releases the payout.
        await farmerPage.GotoAsync("/Seller/Payouts");
        var paid = farmerPage.GetByRole(AriaRole.Main).GetByText(PaidTestPayout());
        await farmerPage.ReloadUntilVisibleAsync(paid, BackgroundWorkLimit);
        // Two jars at $9.50 plus $6.00 shipping; 10 % commission on the goods only.
        await Expect(farmerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("$1.90 commission");
        await Expect(farmerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("$23.10 to you");
        await farmer.ScreenshotAsync("payout-paid", fullPage: true);

        farmer.Problems.Should().BeEmpty();
        buyer.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task At_the_farm_gate_the_order_is_handed_over_only_with_the_code_the_buyer_shows()
    {
        var buyerEmail = await app.NewPersonAsync("Gate Buyer");
        await using var buyer = await app.StartJourneyAsync("pickup-buyer");
        var buyerPage = buyer.Page;
        await buyerPage.SignInAsAsync(buyerEmail);
        await buyerPage.OpenProductFromSearchAsync(DemoProducts.MapleSyrup);
        await buyerPage.AddToCartAsync();
        await buyerPage.GetByRole(AriaRole.Main).Locator("input[name=method][value=Pickup]").CheckAsync();
        await buyerPage.PressAsync("Save choice");
        var orderNumber = await buyerPage.CheckOutAndPayAsync(BackgroundWorkLimit);

        await using var seller = await app.StartJourneyAsync("pickup-seller");
        var sellerPage = seller.Page;
        await sellerPage.SignInAsAsync(DemoPeople.Seller);
        await sellerPage.OpenAsync($"/Seller/Orders/{orderNumber}", $"Order {orderNumber}");
        await sellerPage.PressAsync("Start preparing");
        await sellerPage.PressAsync("Ready for pickup");
        await sellerPage.ExpectTimelineAsync("Ready for pickup");

        // The buyer's order page shows the code; the seller never sees it.
        await buyerPage.GotoAsync($"/orders/{orderNumber}");
        var code = (await buyerPage.GetByLabel("Pickup code", new() { Exact = true }).TextContentAsync())!.Trim();
        code.Should().MatchRegex("^[A-Z2-9]{6}$");
        await Expect(sellerPage.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(code);

        await sellerPage.FillFieldAsync("Buyer's pickup code", code == "AAAAAA" ? "BBBBBB" : "AAAAAA");
        await sellerPage.PressAsync("Hand over");
        await Expect(sellerPage.GetByRole(AriaRole.Main)).ToContainTextAsync("That pickup code does not match this order.");
        await sellerPage.ExpectTimelineAsync("Ready for pickup");
        await Expect(sellerPage.GetByRole(AriaRole.Region, new() { Name = "Timeline" })).Not.ToContainTextAsync("Picked up");

        await sellerPage.FillFieldAsync("Buyer's pickup code", code.ToLowerInvariant());
        await sellerPage.PressAsync("Hand over");
        await sellerPage.ExpectTimelineAsync("Picked up");
        await seller.ScreenshotAsync("picked-up", fullPage: true);

        buyer.Problems.Should().BeEmpty();
        var handOver = new Uri(app.BaseAddress, $"/Seller/Orders/{orderNumber}/HandOver").ToString();
        seller.Problems.Should().NotBeEmpty().And.OnlyContain(
            p => p.Contains(handOver, StringComparison.Ordinal) && p.Contains("409", StringComparison.Ordinal),
            "the wrong code is the only refusal, answered 409 (Conflict) with the order page and its message");
    }

    [GeneratedRegex(@"Paid .*TEST — no money moved")]
    private static partial Regex PaidTestPayout();
}

public sealed class SqliteSellerJourneyTests(SqliteFulfilmentApp app) : SellerJourneyTests(app), IClassFixture<SqliteFulfilmentApp>;
