using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Catalog;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Tests.Support;

namespace RuralMarket.Infrastructure.Tests.Catalog;

public sealed class StockReservationTests
{
    private static async Task<Guid> ListProductAsync(TestDatabaseHost host, int stock)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        var owner = new AppUser { UserName = "farmer@example.com", Email = "farmer@example.com", DisplayName = "Farmer" };
        db.Users.Add(owner);
        var seller = Seller.Apply(owner.Id, "Hill Farm", "We grow squash.", new SellerLocation("Kalona", "IA", "52247", "US", 41.48, -91.70),
            new FulfilmentOptions(true, "Farm gate", "Sat 8-12", null, false, 0, Money.Zero("USD"), false, Money.Zero("USD"), Money.Zero("USD")), 1000, host.Clock);
        var product = Product.Create(seller.Id, "Butternut squash", "Sweet and dense.", 1, new Money(450, "USD"), "each", stock,
            FulfilmentMethod.Pickup, isPerishable: false, SeasonWindow.AllYear, host.Clock);
        product.Publish(host.Clock);
        db.Sellers.Add(seller);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product.Id;
    }

    private static async Task<int> StockOfAsync(TestDatabaseHost host, Guid productId)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Buyers_racing_for_the_last_units_buy_exactly_what_is_in_stock(DatabaseProvider provider)
    {
        await using var host = await TestDatabaseHost.StartAsync(provider);
        var productId = await ListProductAsync(host, stock: 25);

        async Task<int> BuyerAsync()
        {
            var bought = 0;
            for (var attempt = 0; attempt < 10; attempt++)
            {
                await using var scope = host.CreateScope();
                if (await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().TryReserveAsync(productId, 1, CancellationToken.None))
                {
                    bought++;
                }
            }

            return bought;
        }

        var sold = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(BuyerAsync)));

        sold.Sum().Should().Be(25, "80 attempts compete for 25 units");
        (await StockOfAsync(host, productId)).Should().Be(0);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_reservation_larger_than_stock_takes_nothing_and_release_gives_units_back(DatabaseProvider provider)
    {
        await using var host = await TestDatabaseHost.StartAsync(provider);
        var productId = await ListProductAsync(host, stock: 3);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();

        (await db.TryReserveAsync(productId, 4, CancellationToken.None)).Should().BeFalse();
        (await StockOfAsync(host, productId)).Should().Be(3);
        (await db.TryReserveAsync(productId, 3, CancellationToken.None)).Should().BeTrue();
        await db.ReleaseAsync(productId, 2, CancellationToken.None);
        (await StockOfAsync(host, productId)).Should().Be(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_database_refuses_negative_stock_even_from_a_raw_update(DatabaseProvider provider)
    {
        await using var host = await TestDatabaseHost.StartAsync(provider);
        var productId = await ListProductAsync(host, stock: 1);
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();

        var act = () => db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, -1));

        await act.Should().ThrowAsync<Exception>();
        (await StockOfAsync(host, productId)).Should().Be(1);
    }
}
