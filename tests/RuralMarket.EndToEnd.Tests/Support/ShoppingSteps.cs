using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>Two in-stock demo products from two different sellers, as a buyer sees them.</summary>
public static class DemoProducts
{
    /// <summary>Black River Jerseys (the first demo seller, owned by seller@…): pickup or shipping, 60 in stock.</summary>
    public const string MapleSyrup = "Grade A dark maple syrup";
    public const string MapleSyrupSeller = "Black River Jerseys";
    public const string MapleSyrupSellerEmail = DemoPeople.Seller;

    /// <summary>Combs Creek Woodshop: shipping only, 9 in stock.</summary>
    public const string CuttingBoard = "Black walnut cutting board";
    public const string CuttingBoardSeller = "Combs Creek Woodshop";
    public const string CuttingBoardSellerEmail = "combs-creek-woodshop@demo.ruralmarket.local";
}

/// <summary>What a buyer does while shopping, found by visible labels and roles.</summary>
public static class ShoppingSteps
{
    /// <summary>Types into the header's search box and taps Search.</summary>
    public static async Task SearchAsync(this IPage page, string text)
    {
        var search = page.GetByRole(AriaRole.Search);
        await search.GetByLabel("Search products", new() { Exact = true }).FillAsync(text);
        await search.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).TapAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\?"));
    }

    /// <summary>Searches for a product by its name, opens it from the results and waits for its page.</summary>
    public static async Task OpenProductFromSearchAsync(this IPage page, string title)
    {
        await page.SearchAsync(title);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).First.TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>On a product page: sets the quantity and taps "Add to cart"; the cart opens.</summary>
    public static async Task AddToCartAsync(this IPage page, int quantity = 1)
    {
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Quantity", new() { Exact = true }).FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await main.GetByRole(AriaRole.Button, new() { Name = "Add to cart", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your cart", Level = 1, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>On the checkout page: fills whichever of the address and pickup fields the page asks for.</summary>
    public static async Task FillCheckoutDetailsAsync(this IPage page)
    {
        var main = page.GetByRole(AriaRole.Main);
        async Task FillIfShown(string label, string value)
        {
            var field = main.GetByLabel(label, new() { Exact = true });
            if (await field.CountAsync() > 0)
            {
                await field.FillAsync(value);
            }
        }

        await FillIfShown("Full name", "Dana Buyer");
        await FillIfShown("Address line 1", "12 Orchard Lane");
        await FillIfShown("Town", "Montpelier");
        await FillIfShown("Region or state (optional)", "VT");
        await FillIfShown("ZIP or postal code", "05602");
        await FillIfShown("Country code", "US");
        await FillIfShown("Name of the person collecting", "Dana Buyer");
    }

    /// <summary>
    /// From the cart: checks out, fills the details, pays on the local test payment page and waits for the
    /// confirmation. Returns the (first) order number it shows, e.g. "RM-000042".
    /// </summary>
    public static async Task<string> CheckOutAndPayAsync(this IPage page, TimeSpan backgroundWorkLimit)
    {
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByRole(AriaRole.Link, new() { Name = "Checkout", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checkout", Level = 1, Exact = true })).ToBeVisibleAsync();
        await page.FillCheckoutDetailsAsync();
        await main.GetByRole(AriaRole.Button, new() { Name = "Place order and pay", Exact = true }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToHaveTextAsync("TEST PAYMENT — no money moves");
        await main.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Pay \$\d") }).TapAsync();
        var thanks = page.GetByRole(AriaRole.Heading, new() { Name = "Thank you — your order is placed", Level = 1 });
        await page.ReloadUntilVisibleAsync(thanks, backgroundWorkLimit);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment confirmed");
        var number = System.Text.RegularExpressions.Regex.Match(await main.InnerTextAsync(), @"RM-\d{6}");
        number.Success.Should().BeTrue("the confirmation shows the order number");
        return number.Value;
    }

    /// <summary>
    /// Reloads the page until <paramref name="locator"/> is visible: for pages that show the result of background
    /// work (a checkout being confirmed). Each attempt waits up to a second for the locator before reloading.
    /// </summary>
    public static async Task ReloadUntilVisibleAsync(this IPage page, ILocator locator, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await Expect(locator).ToBeVisibleAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (PlaywrightException) when (watch.Elapsed < within)
            {
                await page.ReloadAsync();
            }
        }
    }
}
