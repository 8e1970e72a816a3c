using Microsoft.Playwright;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>The demo accounts the seed creates and prints (all with the same password).</summary>
public static class DemoPeople
{
    public const string Password = "Harvest-2026";
    public const string Buyer = "buyer@demo.ruralmarket.local";
    public const string Seller = "seller@demo.ruralmarket.local";
    public const string Admin = "admin@demo.ruralmarket.local";
}

/// <summary>What a person does and sees, found by visible labels and roles.</summary>
public static class Steps
{
    /// <summary>The site header's main navigation.</summary>
    public static ILocator MainNavigation(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main", Exact = true });

    /// <summary>From any page: taps "Sign in" in the header, fills the form by its labels and submits it.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).TapAsync();
    }
}
