using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Tests.Support;

namespace RuralMarket.Infrastructure.Tests.Data;

public sealed class CounterTests
{
    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Concurrent_takers_get_distinct_consecutive_order_numbers(DatabaseProvider provider)
    {
        await using var host = await TestDatabaseHost.StartAsync(provider);

        async Task<long[]> TakeTwoAsync()
        {
            await using var scope = host.CreateScope();
            var first = await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().TakeAsync(Counter.OrderNumber, 2, CancellationToken.None);
            return [first, first + 1];
        }

        var numbers = (await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(TakeTwoAsync)))).SelectMany(n => n).ToList();

        numbers.Should().OnlyHaveUniqueItems().And.HaveCount(40);
        numbers.Min().Should().Be(101);
        numbers.Max().Should().Be(140);
    }
}
