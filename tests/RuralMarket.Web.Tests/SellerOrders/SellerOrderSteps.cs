using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Domain.Payouts;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Web.Tests.Checkout;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerOrders;

/// <summary>A paid order as its buyer and its seller see it.</summary>
public sealed record PaidOrder(Buyer Buyer, TestSeller Seller, TestProduct Product, long Number, Guid OrderId)
{
    public string DisplayNumber => Order.FormatNumber(Number);

    public string SellerUrl => $"/Seller/Orders/{DisplayNumber}";

    public string BuyerUrl => $"/orders/{DisplayNumber}";
}

/// <summary>Arranges orders through the real checkout and drives the seller's order pages as a browser would.</summary>
public static class SellerOrderSteps
{
    /// <summary>A new seller with one product, and a buyer who ordered and paid for it with the test provider.</summary>
    public static async Task<PaidOrder> PaidOrderAsync(this AppFactory app, FulfilmentMethod method, int quantity = 2, long priceCents = 1200, int stock = 10)
    {
        var seller = await app.CreateSellerAsync("Orchard Farm");
        var product = await app.CreateProductAsync(seller, "Russet apples", priceCents, stock);
        return await app.PaidOrderAsync(seller, product, method, quantity);
    }

    public static async Task<PaidOrder> PaidOrderAsync(this AppFactory app, TestSeller seller, TestProduct product, FulfilmentMethod method, int quantity = 2)
    {
        var buyer = await app.BuyerAsync();
        await app.FillCartAsync(buyer, method, (product, quantity));
        var (checkoutId, paymentPage) = await buyer.CheckOutAsync();
        (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        await app.RunJobsAsync();
        var order = (await app.OrdersOfAsync(checkoutId)).Single();
        order.Status.Should().Be(OrderStatus.Paid);
        return new PaidOrder(buyer, seller, product, order.Number, order.Id);
    }

    public static Task<HttpClient> SignInAsSellerAsync(this AppFactory app, TestSeller seller) => app.SignInAsync(seller.OwnerEmail);

    /// <summary>Opens the seller's order page and submits one of its forms (#prepare, #ship, #ready, #handover, #out-for-delivery, #delivered, #cancel).</summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient seller, PaidOrder order, string form, IDictionary<string, string>? values = null)
    {
        var page = await seller.GetPageAsync(order.SellerUrl);
        return await seller.SubmitAsync(page, $"form#{form}", values ?? new Dictionary<string, string>());
    }

    /// <summary>Posts to a handler of a seller order page without a form on the page for it (a hand-made POST), with a valid antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostByHandAsync(this HttpClient browser, string url, string handler, IDictionary<string, string>? values = null)
    {
        var anyPage = await browser.GetPageAsync("/Seller");
        var token = anyPage.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>(values ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = token };
        // Like the shared test browser, say which site the form came from.
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{url}/{handler}", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    public static async Task<IHtmlDocument> ExpectRefusalAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.Conflict)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        return await response.ReadPageAsync();
    }

    public static Task<Order> OrderAsync(this AppFactory app, PaidOrder order) =>
        app.WithDbAsync(db => db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == order.OrderId));

    public static Task<Payout> PayoutAsync(this AppFactory app, PaidOrder order) =>
        app.WithDbAsync(db => db.Payouts.AsNoTracking().SingleAsync(p => p.OrderId == order.OrderId));

    /// <summary>Runs one fulfilment timer's tick now, as the worker would, from its own service scope.</summary>
    public static async Task RunTaskAsync<TTask>(this AppFactory app)
        where TTask : IPeriodicTask
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TTask>().RunAsync(CancellationToken.None);
    }

    /// <summary>Two workers running the same timer at the same moment.</summary>
    public static Task RunTaskTwiceAtOnceAsync<TTask>(this AppFactory app)
        where TTask : IPeriodicTask =>
        Task.WhenAll(app.RunTaskAsync<TTask>(), app.RunTaskAsync<TTask>());

    public static async Task<List<RuralMarket.Infrastructure.Email.DroppedMail>> MailToAsync(this AppFactory app, string to) =>
        (await app.SentMailAsync()).Where(m => m.To.Contains(to, StringComparison.OrdinalIgnoreCase)).ToList();
}
