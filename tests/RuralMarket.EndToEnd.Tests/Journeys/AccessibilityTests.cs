using Microsoft.Playwright;
using RuralMarket.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>
/// axe-core, injected into the page as a phone shows it, finds no serious or critical accessibility violations on
/// the pages of a purchase: home, search results, product, cart and checkout.
/// </summary>
public abstract class AccessibilityTests(LiveApp app)
{
    [Fact]
    public async Task The_home_page_has_no_serious_accessibility_violations()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-home");
        await journey.Page.GotoAsync("/");
        await Expect(journey.Page.GetByRole(AriaRole.Heading, new() { Name = "In season now", Level = 2 })).ToBeVisibleAsync();

        await ShouldHaveNoSeriousViolationsAsync(journey);
    }

    [Fact]
    public async Task The_search_results_page_has_no_serious_accessibility_violations()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-search");
        await journey.Page.GotoAsync("/");
        await journey.Page.SearchAsync("honey");
        await Expect(journey.Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Wildflower honey", Exact = true }).First).ToBeVisibleAsync();

        await ShouldHaveNoSeriousViolationsAsync(journey);
    }

    [Fact]
    public async Task The_product_page_has_no_serious_accessibility_violations()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-product");
        await journey.Page.GotoAsync("/");
        await journey.Page.OpenProductFromSearchAsync(DemoProducts.MapleSyrup);

        await ShouldHaveNoSeriousViolationsAsync(journey);
    }

    [Fact]
    public async Task The_cart_with_two_sellers_has_no_serious_accessibility_violations()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-cart");
        await FillCartFromTwoSellersAsync(journey.Page);

        await ShouldHaveNoSeriousViolationsAsync(journey);
    }

    [Fact]
    public async Task The_checkout_page_has_no_serious_accessibility_violations()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-checkout");
        var page = journey.Page;
        await page.GotoAsync("/");
        await page.SignInAsync(DemoPeople.Buyer, DemoPeople.Password);
        await Expect(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await FillCartFromTwoSellersAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Checkout", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Place order and pay", Exact = true })).ToBeVisibleAsync();

        await ShouldHaveNoSeriousViolationsAsync(journey);
    }

    [Fact]
    public async Task The_check_itself_reports_a_serious_violation_with_its_rule_and_element()
    {
        await using var journey = await app.StartJourneyInjectingScriptsAsync("axe-self-check");
        await journey.Page.SetContentAsync(
            """
            <!doctype html><html lang="en"><head><title>t</title></head>
            <body><main><h1>t</h1><form><input id="unlabelled" type="text"></form></main></body></html>
            """);

        var violations = await journey.Page.SeriousViolationsAsync();

        violations.Should().ContainSingle().Which.Should().StartWith("label (critical): ").And.EndWith("#unlabelled");
    }

    private static async Task FillCartFromTwoSellersAsync(IPage page)
    {
        if (page.Url == "about:blank")
        {
            await page.GotoAsync("/");
        }

        await page.OpenProductFromSearchAsync(DemoProducts.MapleSyrup);
        await page.AddToCartAsync();
        await page.OpenProductFromSearchAsync(DemoProducts.CuttingBoard);
        await page.AddToCartAsync();
    }

    private static async Task ShouldHaveNoSeriousViolationsAsync(Journey journey)
    {
        var violations = await journey.Page.SeriousViolationsAsync();
        await journey.ScreenshotAsync("axe", fullPage: true);
        violations.Should().BeEmpty(
            $"axe-core finds no serious or critical violations on {journey.Page.Url}, but found:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}{Environment.NewLine}");
        journey.Problems.Should().BeEmpty();
    }
}

public sealed class SqliteAccessibilityTests(SqliteLiveApp app) : AccessibilityTests(app), IClassFixture<SqliteLiveApp>;

public sealed class PostgresAccessibilityTests(PostgresLiveApp app) : AccessibilityTests(app), IClassFixture<PostgresLiveApp>;
