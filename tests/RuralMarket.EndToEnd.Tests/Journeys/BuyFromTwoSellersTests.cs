using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.EndToEnd.Tests.Support;
using RuralMarket.Infrastructure.Email;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>
/// The whole purchase on a phone: the demo buyer finds two products from two sellers with the header search, adds
/// both, checks out, pays on the local test payment page, sees the confirmation and two orders, and each seller
/// gets an email. The app's own in-process worker applies the payment and sends the emails.
/// </summary>
public abstract partial class BuyFromTwoSellersTests(LiveApp app)
{
    private static readonly TimeSpan _backgroundWorkLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_buyer_searches_adds_from_two_sellers_pays_with_the_test_provider_and_sees_two_orders_while_both_sellers_get_an_email()
    {
        await using var journey = await app.StartJourneyAsync("buy-from-two-sellers");
        var page = journey.Page;
        var main = page.GetByRole(AriaRole.Main);
        await page.GotoAsync("/");
        // A new buyer, so their orders page holds exactly this purchase (the demo buyer has seeded orders).
        await page.SignInAsync(await app.NewPersonAsync("Dana Buyer"), DemoPeople.Password);
        await Expect(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();

        // Search → product → add, from two sellers.
        await page.OpenProductFromSearchAsync(DemoProducts.MapleSyrup);
        await page.AddToCartAsync(quantity: 2);
        await page.OpenProductFromSearchAsync(DemoProducts.CuttingBoard);
        await page.AddToCartAsync();

        // The cart: one group per seller, each with its product.
        var syrupGroup = main.GetByRole(AriaRole.Region, new() { Name = $"From {DemoProducts.MapleSyrupSeller}", Exact = true });
        var boardGroup = main.GetByRole(AriaRole.Region, new() { Name = $"From {DemoProducts.CuttingBoardSeller}", Exact = true });
        await Expect(syrupGroup.GetByRole(AriaRole.Link, new() { Name = DemoProducts.MapleSyrup, Exact = true })).ToBeVisibleAsync();
        await Expect(syrupGroup.GetByLabel($"Qty of {DemoProducts.MapleSyrup}")).ToHaveValueAsync("2");
        await Expect(boardGroup.GetByRole(AriaRole.Link, new() { Name = DemoProducts.CuttingBoard, Exact = true })).ToBeVisibleAsync();
        await Expect(main.GetByText("2 orders, one payment.")).ToBeVisibleAsync();
        await journey.ScreenshotAsync("cart", fullPage: true);

        // Checkout.
        await main.GetByRole(AriaRole.Link, new() { Name = "Checkout", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Article, new() { Name = $"From {DemoProducts.MapleSyrupSeller}" })).ToBeVisibleAsync();
        await Expect(main.GetByRole(AriaRole.Article, new() { Name = $"From {DemoProducts.CuttingBoardSeller}" })).ToBeVisibleAsync();
        await page.FillCheckoutDetailsAsync();
        await journey.ScreenshotAsync("checkout", fullPage: true);
        await main.GetByRole(AriaRole.Button, new() { Name = "Place order and pay", Exact = true }).TapAsync();

        // The local test payment page.
        await Expect(page).ToHaveURLAsync(TestPaymentUrl());
        await Expect(page.GetByRole(AriaRole.Note)).ToHaveTextAsync("TEST PAYMENT — no money moves");
        await journey.ScreenshotAsync("test-payment");
        await main.GetByRole(AriaRole.Button, new() { NameRegex = PayButton() }).TapAsync();

        // The confirmation, once the worker has applied the payment.
        await Expect(page).ToHaveURLAsync(DoneUrl());
        var thanks = page.GetByRole(AriaRole.Heading, new() { Name = "Thank you — your order is placed", Level = 1 });
        await page.ReloadUntilVisibleAsync(thanks, _backgroundWorkLimit);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment confirmed");
        var confirmedOrders = main.GetByRole(AriaRole.List).Last.GetByRole(AriaRole.Listitem);
        await Expect(confirmedOrders).ToHaveCountAsync(2);
        await Expect(confirmedOrders.Filter(new() { HasText = DemoProducts.MapleSyrupSeller })).ToHaveCountAsync(1);
        await Expect(confirmedOrders.Filter(new() { HasText = DemoProducts.CuttingBoardSeller })).ToHaveCountAsync(1);
        var mapleOrder = OrderNumber().Match(await confirmedOrders.Filter(new() { HasText = DemoProducts.MapleSyrupSeller }).InnerTextAsync()).Value;
        var boardOrder = OrderNumber().Match(await confirmedOrders.Filter(new() { HasText = DemoProducts.CuttingBoardSeller }).InnerTextAsync()).Value;
        mapleOrder.Should().NotBeEmpty().And.NotBe(boardOrder);
        await journey.ScreenshotAsync("confirmation", fullPage: true);

        // The buyer's orders.
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your orders", Level = 1, Exact = true })).ToBeVisibleAsync();
        var orders = main.GetByRole(AriaRole.Listitem);
        await Expect(orders).ToHaveCountAsync(2);
        await Expect(orders.Filter(new() { HasText = DemoProducts.MapleSyrupSeller })).ToHaveCountAsync(1);
        await Expect(orders.Filter(new() { HasText = DemoProducts.CuttingBoardSeller })).ToHaveCountAsync(1);
        await journey.ScreenshotAsync("orders", fullPage: true);

        // Each seller was emailed.
        var mail = await MailToAllAsync(DemoProducts.MapleSyrupSellerEmail, DemoProducts.CuttingBoardSellerEmail);
        mail.Should().ContainSingle(m => m.To.Contains(DemoProducts.MapleSyrupSellerEmail, StringComparison.OrdinalIgnoreCase))
            .Which.Subject.Should().Contain(mapleOrder, "the maple syrup seller is told about their own order");
        mail.Should().ContainSingle(m => m.To.Contains(DemoProducts.CuttingBoardSellerEmail, StringComparison.OrdinalIgnoreCase))
            .Which.Subject.Should().Contain(boardOrder, "the cutting board seller is told about their own order");
        journey.Problems.Should().BeEmpty();
    }

    /// <summary>The mail in the app's drop folder once every one of <paramref name="recipients"/> has some.</summary>
    private async Task<IReadOnlyList<DroppedMail>> MailToAllAsync(params string[] recipients)
    {
        var folder = app.Services.GetRequiredService<MailDropFolder>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var mail = await folder.ListAsync(100, CancellationToken.None);
            var missing = recipients.Where(r => !mail.Any(m => m.To.Contains(r, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count == 0)
            {
                return mail;
            }

            watch.Elapsed.Should().BeLessThan(
                _backgroundWorkLimit,
                $"the worker emails each seller (no mail yet to {string.Join(", ", missing)}; the folder has mail to {string.Join(", ", mail.Select(m => m.To))})");
            await Task.Delay(100); // polling the folder: the worker writes the .eml files on its own schedule
        }
    }

    [GeneratedRegex(@"RM-\d+")]
    private static partial Regex OrderNumber();

    [GeneratedRegex(@"/test-payment/[0-9a-f-]{36}$")]
    private static partial Regex TestPaymentUrl();

    [GeneratedRegex(@"/checkout/[0-9a-f-]{36}/done$")]
    private static partial Regex DoneUrl();

    [GeneratedRegex(@"^Pay \$\d")]
    private static partial Regex PayButton();
}

public sealed class SqliteBuyFromTwoSellersTests(SqliteShopApp app) : BuyFromTwoSellersTests(app), IClassFixture<SqliteShopApp>;

public sealed class PostgresBuyFromTwoSellersTests(PostgresShopApp app) : BuyFromTwoSellersTests(app), IClassFixture<PostgresShopApp>;
