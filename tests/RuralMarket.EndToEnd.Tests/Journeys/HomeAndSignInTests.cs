using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RuralMarket.EndToEnd.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>A person on a phone opens the site, and the demo buyer and admin sign in and out through the forms.</summary>
public abstract partial class HomeAndSignInTests(LiveApp app)
{
    private static readonly string[] _someSeededSellers =
    [
        "Black River Jerseys", "Stickles Family Orchard", "Combs Creek Woodshop", "Swartzendruber Family Farm",
        "Weinheimer Bees & Peaches", "Lucero Chile Farm", "Marys River Seed & Plant", "Legler Creamery",
    ];

    [Fact]
    public async Task The_home_page_renders_over_a_real_port_without_browser_errors()
    {
        await using var journey = await app.StartJourneyAsync(nameof(The_home_page_renders_over_a_real_port_without_browser_errors));
        var page = journey.Page;

        var response = await page.GotoAsync("/");

        response!.Status.Should().Be(200);
        new Uri(response.Url).Should().Be(app.BaseAddress, "the page came over the app's own loopback port");
        await Expect(page).ToHaveTitleAsync("RuralMarket — buy from the people who grow and make it");
        var inSeason = page.GetByRole(AriaRole.Region, new() { Name = "In season now", Exact = true });
        await Expect(inSeason.GetByRole(AriaRole.Heading, new() { Name = "In season now", Level = 2 })).ToBeVisibleAsync();
        await Expect(inSeason.GetByText(PriceRegex()).First).ToBeVisibleAsync();
        var sellers = page.GetByRole(AriaRole.Region, new() { Name = "Meet the sellers", Exact = true });
        await Expect(sellers.GetByRole(AriaRole.Heading, new() { Name = "Meet the sellers", Level = 2 })).ToBeVisibleAsync();
        (await sellers.GetByRole(AriaRole.Listitem).CountAsync()).Should().BeGreaterThanOrEqualTo(8);
        foreach (var seller in _someSeededSellers)
        {
            await Expect(sellers.GetByText(seller, new() { Exact = true })).ToBeVisibleAsync();
        }

        // The stylesheet is a real request of the page, so "every request succeeded" is not vacuous.
        journey.Responses.Should().Contain(r => r.StartsWith("200 GET ", StringComparison.Ordinal) && r.Contains("/css/site.css", StringComparison.Ordinal));
        await Expect(page.Locator("body")).ToHaveCSSAsync("display", "flex"); // and it was applied
        await journey.ScreenshotAsync("home", fullPage: true);
        journey.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_buyer_signs_in_through_the_form_and_signs_out_again()
    {
        await using var journey = await app.StartJourneyAsync(nameof(The_demo_buyer_signs_in_through_the_form_and_signs_out_again));
        var page = journey.Page;
        await page.GotoAsync("/");

        await page.SignInAsync(DemoPeople.Buyer, DemoPeople.Password);

        var header = page.MainNavigation();
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(app.BaseAddress.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "In season now" })).ToBeVisibleAsync();
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToHaveCountAsync(0);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);

        await header.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).TapAsync();

        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        // The home page has other live regions too (the near-you location status), so the flash is picked by its words.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "signed out" })).ToHaveTextAsync("You are signed out. See you soon!");
        await Expect(header.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToHaveCountAsync(0);
        (await page.Context.CookiesAsync()).Should().NotContain(c => c.Name == "rm.auth", "signing out removes the sign-in cookie");
        await journey.ScreenshotAsync("signed-out");
        journey.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_admin_signs_in_and_follows_the_Admin_link_to_the_dashboard()
    {
        await using var journey = await app.StartJourneyAsync(nameof(The_demo_admin_signs_in_and_follows_the_Admin_link_to_the_dashboard));
        var page = journey.Page;
        await page.GotoAsync("/");

        await page.SignInAsync(DemoPeople.Admin, DemoPeople.Password);
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).TapAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/Admin").ToString());
        await Expect(page).ToHaveTitleAsync("Admin · RuralMarket");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Level = 1, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sellers", Level = 2, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("approved", new() { Exact = false }).First).ToBeVisibleAsync();
        await journey.ScreenshotAsync("admin-dashboard");
        journey.Problems.Should().BeEmpty();
    }

    [GeneratedRegex(@"^\$\d+\.\d{2}$")]
    private static partial Regex PriceRegex();
}

public sealed class SqliteHomeAndSignInTests(SqliteLiveApp app) : HomeAndSignInTests(app), IClassFixture<SqliteLiveApp>;

public sealed class PostgresHomeAndSignInTests(PostgresLiveApp app) : HomeAndSignInTests(app), IClassFixture<PostgresLiveApp>;
