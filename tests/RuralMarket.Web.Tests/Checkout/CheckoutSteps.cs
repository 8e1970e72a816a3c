using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Checkout;

public sealed record Buyer(HttpClient Browser, string Email, string UserId);

/// <summary>
/// Each test gets its own buyers (and sellers and products from <see cref="TestCatalog"/>),
/// so stock and orders of one test cannot disturb another.
/// </summary>
public static class CheckoutSteps
{
    public static Task<int> StockAsync(this AppFactory app, TestProduct product) =>
        app.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync());

    /// <summary>A new buyer, signed in through the sign-in form.</summary>
    public static async Task<Buyer> BuyerAsync(this AppFactory app)
    {
        var email = $"buyer.{Guid.NewGuid():N}@example.com";
        var browser = await app.SignInAsync(email);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return new Buyer(browser, email, userId);
    }

    /// <summary>Fills the buyer's cart (as the cart page would) and chooses how each seller's part travels.</summary>
    public static Task FillCartAsync(this AppFactory app, Buyer buyer, FulfilmentMethod method, params (TestProduct Product, int Quantity)[] items) =>
        app.WithDbAsync(async db =>
        {
            var cart = await db.Carts.SingleOrDefaultAsync(c => c.BuyerUserId == buyer.UserId);
            if (cart is null)
            {
                cart = RuralMarket.Domain.Ordering.Cart.ForBuyer(buyer.UserId, app.Clock);
                db.Carts.Add(cart);
            }

            foreach (var (product, quantity) in items)
            {
                cart.AddItem(product.Id, product.Seller.Id, quantity, app.Clock);
            }

            foreach (var sellerId in items.Select(i => i.Product.Seller.Id).Distinct())
            {
                cart.ChooseFulfilment(sellerId, method, app.Clock);
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A new buyer with one unit of a new product in the cart: $4.50 from a new "Hill Farm", 5 in stock.</summary>
    public static async Task<(Buyer Buyer, TestProduct Product)> BuyerWithOneInCartAsync(this AppFactory app, string productTitle, FulfilmentMethod method)
    {
        var farm = await app.CreateSellerAsync("Hill Farm");
        var product = await app.CreateProductAsync(farm, productTitle, 450, 5);
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, method, (product, 1));
        return (buyer, product);
    }

    /// <summary>How many checkouts the buyer has placed (zero after a refused form: nothing was written).</summary>
    public static Task<int> CheckoutCountAsync(this AppFactory app, Buyer buyer) =>
        app.WithDbAsync(db => db.Checkouts.CountAsync(c => c.BuyerUserId == buyer.UserId));

    public static readonly IReadOnlyDictionary<string, string> Address = new Dictionary<string, string>
    {
        ["Input.Name"] = "Ada Buyer",
        ["Input.Line1"] = "4 Mill Road",
        ["Input.Town"] = "White River Junction",
        ["Input.Region"] = "VT",
        ["Input.PostalCode"] = "05001", // about 10 km from TestCatalog's sellers in Millbrook, inside their 25 km delivery radius
        ["Input.CountryCode"] = "US",
        ["Input.Phone"] = "802-555-0100",
    };

    /// <summary>Opens /checkout and places the order; returns the response (a redirect to the payment page on success).</summary>
    public static async Task<HttpResponseMessage> PlaceOrderAsync(this Buyer buyer, IDictionary<string, string>? extra = null)
    {
        var page = await buyer.Browser.GetPageAsync("/checkout");
        return await buyer.Browser.SubmitAsync(page, "form.checkout", With(extra));
    }

    public static Dictionary<string, string> With(IDictionary<string, string>? extra)
    {
        var values = new Dictionary<string, string>(Address);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>Places the order and follows the redirect to the test payment page; returns the checkout id and that page.</summary>
    public static async Task<(Guid CheckoutId, IHtmlDocument PaymentPage)> CheckOutAsync(this Buyer buyer)
    {
        using var placed = await buyer.PlaceOrderAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Redirect, await placed.Content.ReadAsStringAsync());
        var location = placed.Headers.Location!.ToString();
        location.Should().StartWith("/test-payment/");
        var checkoutId = Guid.Parse(location["/test-payment/".Length..]);
        return (checkoutId, await buyer.Browser.GetPageAsync(location));
    }

    /// <summary>Presses one of the test payment page's buttons (#pay, #decline, #expire).</summary>
    public static async Task<HttpResponseMessage> PressAsync(this Buyer buyer, IHtmlDocument paymentPage, string button) =>
        await buyer.Browser.SubmitAsync(paymentPage, $"form#{button}", new Dictionary<string, string>());

    /// <summary>
    /// Posts a form of <paramref name="page"/> as a forged cross-site form would: the browser's cookies go along, and
    /// every field of the form (with <paramref name="values"/> on top) except its antiforgery token.
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient browser, IHtmlDocument page, string formSelector, IDictionary<string, string>? values = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on the page.");
        form.QuerySelector("input[name='__RequestVerificationToken']").Should().NotBeNull("the page's own form {0} carries a token, which this post leaves out", formSelector);
        var extra = values ?? new Dictionary<string, string>();
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Name != "__RequestVerificationToken" && i.Type is not ("submit" or "button") && !extra.ContainsKey(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(extra)
            .ToList();
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(browser.BaseAddress!, new Uri(form.Action).PathAndQuery), content);
    }

    public static Task<CheckoutStatus> CheckoutStatusAsync(this AppFactory app, Guid checkoutId) =>
        app.WithDbAsync(db => db.Checkouts.Where(c => c.Id == checkoutId).Select(c => c.Status).SingleAsync());

    public static Task<List<Order>> OrdersOfAsync(this AppFactory app, Guid checkoutId) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.CheckoutId == checkoutId).OrderBy(o => o.Number).ToListAsync());
}
