using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Checkout;

/// <summary>Many buyers, one product, through the real checkout form on PostgreSQL (where requests really run in parallel).</summary>
public sealed class PostgresCheckoutRaceTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Fifty_buyers_racing_for_the_last_five_units_get_exactly_five_checkouts_and_stock_never_goes_below_zero()
    {
        var farm = await app.CreateSellerAsync("Last Honey Farm");
        var honey = await app.CreateProductAsync(farm, "Last jars of heather honey", 1400, 5);
        var buyers = new List<Buyer>();
        for (var i = 0; i < 50; i++)
        {
            var buyer = await app.BuyerAsync();
            await app.FillCartAsync(buyer, FulfilmentMethod.Pickup, (honey, 1));
            buyers.Add(buyer);
        }

        var pages = await Task.WhenAll(buyers.Select(b => b.Browser.GetPageAsync("/checkout")));
        var responses = await Task.WhenAll(buyers.Select((b, i) => b.Browser.SubmitAsync(pages[i], "form.checkout", CheckoutSteps.With(null))));

        var winners = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.ToString().StartsWith("/test-payment/", StringComparison.Ordinal));
        winners.Should().Be(5);
        responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK, "losers see the form again with a message, never an error");
        (await app.StockAsync(honey)).Should().Be(0);

        var checkoutIds = await app.WithDbAsync(db => db.Orders.Where(o => o.SellerId == farm.Id).Select(o => o.CheckoutId).ToListAsync());
        checkoutIds.Should().HaveCount(5);
        foreach (var (response, buyer) in responses.Zip(buyers).Where(p => p.First.StatusCode == HttpStatusCode.Redirect))
        {
            var paymentPage = await buyer.Browser.GetPageAsync(response.Headers.Location!.ToString());
            (await buyer.PressAsync(paymentPage, "pay")).Dispose();
        }

        await app.RunJobsAsync();

        (await app.WithDbAsync(db => db.Checkouts.CountAsync(c => checkoutIds.Contains(c.Id) && c.Status == CheckoutStatus.Paid))).Should().Be(5);
        (await app.WithDbAsync(db => db.Orders.CountAsync(o => o.SellerId == farm.Id && o.Status == OrderStatus.Paid))).Should().Be(5);
        (await app.StockAsync(honey)).Should().Be(0);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
