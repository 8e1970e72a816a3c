using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.Infrastructure.Identity;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>
/// The app with its worker running and the fulfilment timers turned fast: a payout is held one second after
/// completion and every timer looks for work twice a second, so a journey can watch the money move.
/// </summary>
public sealed class SqliteFulfilmentApp() : LiveApp(Infrastructure.Data.DatabaseProvider.Sqlite, runsBackgroundJobs: true)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fulfilment:PayoutHoldPeriod", "00:00:01");
        builder.UseSetting("Fulfilment:SweepInterval", "00:00:00.5");
    }
}

/// <summary>What a seller (or someone becoming one) and an admin do, found by visible labels and roles.</summary>
public static class SellerSteps
{
    /// <summary>A person who registered and confirmed their email (registration itself is covered by the account tests).</summary>
    public static async Task<string> NewPersonAsync(this LiveApp app, string name)
    {
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid().ToString("N")[..6]}@example.com";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var created = await users.CreateAsync(
            new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = DateTime.UtcNow },
            DemoPeople.Password);
        created.Succeeded.Should().BeTrue(string.Join(" ", created.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>From any page: signs in and waits until the header shows the person signed in.</summary>
    public static async Task SignInAsAsync(this IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.SignInAsync(email, DemoPeople.Password);
        await Expect(page.MainNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Opens a page of the signed-in person's own area by its address and waits for its heading.</summary>
    public static async Task OpenAsync(this IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
    }

    public static Task FillFieldAsync(this IPage page, string label, string value) =>
        page.GetByRole(AriaRole.Main).GetByLabel(label, new() { Exact = true }).FillAsync(value);

    public static Task TickAsync(this IPage page, string label) =>
        page.GetByRole(AriaRole.Main).GetByLabel(label, new() { Exact = true }).CheckAsync();

    public static Task PressAsync(this IPage page, string button) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).TapAsync();

    /// <summary>On a seller's order page: waits until the timeline shows the order reached <paramref name="status"/>.</summary>
    public static Task ExpectTimelineAsync(this IPage page, string status) =>
        Expect(page.GetByRole(AriaRole.Region, new() { Name = "Timeline" })).ToContainTextAsync(status);
}
