using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Cart;

/// <summary>Changes the test catalog through the domain and drives the cart through its forms.</summary>
public static class CartSteps
{
    public static Task ChangeProductAsync(this AppFactory app, TestProduct product, Action<Product> change) =>
        app.WithDbAsync(async db =>
        {
            change(await db.Products.SingleAsync(p => p.Id == product.Id));
            return await db.SaveChangesAsync();
        });

    public static Task SuspendAsync(this AppFactory app, TestSeller seller) =>
        app.WithDbAsync(async db =>
        {
            var entity = await db.Sellers.SingleAsync(s => s.Id == seller.Id);
            entity.Suspend("Reported and under review", entity.OwnerUserId, app.Clock);
            return await db.SaveChangesAsync();
        });

    /// <summary>What a product page's "Add to cart" form posts (with a real antiforgery token for this browser).</summary>
    public static async Task<HttpResponseMessage> AddToCartAsync(this HttpClient browser, Guid productId, string quantity = "1", IDictionary<string, string>? extraFields = null)
    {
        var fields = new Dictionary<string, string>(extraFields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(browser),
            ["productId"] = productId.ToString(),
            ["quantity"] = quantity,
        };
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri("/cart/add", UriKind.Relative), content);
    }

    public static async Task AddedAsync(this HttpClient browser, TestProduct product, int quantity = 1)
    {
        using var response = await browser.AddToCartAsync(product.Id, quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/cart", "adding {0} × {1} should succeed", quantity, product.Title);
    }

    /// <summary>Submits one of the cart page's forms and returns the cart page it redirects to.</summary>
    public static async Task<IHtmlDocument> SubmitCartFormAsync(this HttpClient browser, string formSelector, IDictionary<string, string> values)
    {
        var cart = await browser.GetPageAsync("/cart");
        using var response = await browser.SubmitAsync(cart, formSelector, values);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/cart");
        return await browser.GetPageAsync("/cart");
    }

    /// <summary>Signs in through the form and returns the cookies the response set or cleared.</summary>
    public static async Task<IReadOnlyList<string>> SignInAsync(this HttpClient browser, AppFactory app, string email)
    {
        await app.CreateUserAsync(email);
        var page = await browser.GetPageAsync("/Account/SignIn");
        using var response = await browser.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = AppFactory.TestPassword,
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : [];
    }

    public static Task<string> UserIdAsync(this AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Carts holding a product, with their owners and that product's quantity.</summary>
    public static Task<List<(Guid Id, string? BuyerUserId, string? AnonymousToken, int Quantity)>> CartsHoldingAsync(this AppFactory app, TestProduct product) =>
        app.WithDbAsync(async db => (await db.Carts.AsNoTracking()
                .Where(c => c.Lines.Any(l => l.ProductId == product.Id))
                .Select(c => new { c.Id, c.BuyerUserId, c.AnonymousToken, Quantity = c.Lines.Where(l => l.ProductId == product.Id).Sum(l => l.Quantity) })
                .ToListAsync())
            .Select(c => (c.Id, c.BuyerUserId, c.AnonymousToken, c.Quantity))
            .ToList());

    public static async Task WithServiceAsync<T>(this AppFactory app, Func<T, Task> use)
        where T : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<T>());
    }

    public static Task<int> CartCountAsync(this AppFactory app) => app.WithDbAsync(db => db.Carts.CountAsync());

    public static string SellerTotal(this IHtmlDocument cart, TestSeller seller) =>
        Section(cart, seller).QuerySelector(".cart-seller-total")?.TextContent.Trim() ?? "";

    /// <summary>The seller part's sums as label → amount ("Subtotal" → "$8.00", "Shipping" → "$6.50", ...).</summary>
    public static Dictionary<string, string> Sums(this IHtmlDocument cart, TestSeller seller)
    {
        var sums = Section(cart, seller).QuerySelector(".cart-sums")!;
        return sums.QuerySelectorAll("dt").Zip(sums.QuerySelectorAll("dd"))
            .ToDictionary(p => p.First.TextContent.Trim(), p => p.Second.TextContent.Trim());
    }

    public static AngleSharp.Dom.IElement Line(this IHtmlDocument cart, TestProduct product) =>
        cart.QuerySelectorAll(".cart-line").SingleOrDefault(l => l.QuerySelector($"a[href='/p/{product.Seller.Slug}/{product.Slug}']") is not null)
        ?? throw new InvalidOperationException($"{product.Title} is not on the cart page.");

    public static AngleSharp.Dom.IElement Section(this IHtmlDocument cart, TestSeller seller) =>
        cart.QuerySelectorAll(".cart-seller").SingleOrDefault(s => s.QuerySelector($"h2 a[href='/s/{seller.Slug}']") is not null)
        ?? throw new InvalidOperationException($"{seller.Name} has no part on the cart page.");

    public static string? Problem(this IHtmlDocument cart) => cart.QuerySelector(".cart-problem")?.TextContent.Trim();

    public static string? Flash(this IHtmlDocument page) => page.QuerySelector(".flash")?.TextContent.Trim();

    private static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        var page = await browser.GetPageAsync("/Account/SignIn");
        return page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The sign-in page carries no antiforgery token.");
    }
}
