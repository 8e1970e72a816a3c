using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Search;

/// <summary>Search follows the catalog as it changes. These tests change the data, so they have their own app.</summary>
public abstract class SearchVisibilityTests(AppFactory app)
{
    [Fact]
    public async Task Hidden_products_and_suspended_sellers_never_appear()
    {
        var before = SearchPageTests.ResultTotal(await app.CreateBrowser().GetPageAsync("/search"));
        (await app.CreateBrowser().GetPageAsync("/search?q=wildflower")).Let(SearchPageTests.Titles).Should().Contain("Wildflower honey");
        (await app.CreateBrowser().GetPageAsync("/search?q=chile")).Let(SearchPageTests.Sellers).Should().Contain("Lucero Chile Farm");
        var lucerosProducts = await app.WithDbAsync(db => db.Products.CountAsync(p =>
            db.Sellers.Any(s => s.Id == p.SellerId && s.Slug == "lucero-chile-farm") && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible));

        await app.WithDbAsync(async db =>
        {
            var honey = await db.Products.SingleAsync(p => p.Slug == "hill-country-wildflower-honey");
            honey.Hide("Label under review", app.Clock);
            var lucero = await db.Sellers.SingleAsync(s => s.Slug == "lucero-chile-farm");
            lucero.Suspend("Paperwork missing", "admin-test", app.Clock);
            return await db.SaveChangesAsync();
        });

        (await app.CreateBrowser().GetPageAsync("/search?q=wildflower")).Let(SearchPageTests.Titles).Should().NotContain("Wildflower honey");
        (await app.CreateBrowser().GetPageAsync("/search?q=wildflowr")).Let(SearchPageTests.Titles).Should().NotContain("Wildflower honey");
        (await app.CreateBrowser().GetPageAsync("/search?q=chile")).Let(SearchPageTests.Sellers).Should().NotContain("Lucero Chile Farm");
        (await app.CreateBrowser().GetPageAsync("/search?zip=87937&sort=distance")).Let(SearchPageTests.Sellers).Should().NotContain("Lucero Chile Farm");
        var after = SearchPageTests.ResultTotal(await app.CreateBrowser().GetPageAsync("/search"));
        after.Should().Be(before - 1 - lucerosProducts);
    }

    [Fact]
    public async Task A_newly_published_product_is_found_and_comes_first_when_sorting_by_newest()
    {
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.WithDbAsync(async db =>
        {
            var seller = await db.Sellers.SingleAsync(s => s.Slug == "black-river-jerseys");
            var product = Product.Create(seller.Id, "Smoked paprika cheddar", "Cheddar rubbed with sweet smoked paprika, aged six months.",
                3, new Money(1400, "USD"), "per 1/2 lb", 12, FulfilmentMethod.Pickup | FulfilmentMethod.Shipping, true, SeasonWindow.AllYear, app.Clock);
            product.Publish(app.Clock);
            db.Products.Add(product);
            return await db.SaveChangesAsync();
        });

        (await app.CreateBrowser().GetPageAsync("/search?sort=newest")).Let(SearchPageTests.Titles).First().Should().Be("Smoked paprika cheddar");
        (await app.CreateBrowser().GetPageAsync("/search?q=paprika")).Let(SearchPageTests.Titles).Should().Equal("Smoked paprika cheddar");
        (await app.CreateBrowser().GetPageAsync("/search?q=sweet+smoked")).Let(SearchPageTests.Titles).Should().Contain("Smoked paprika cheddar");
    }
}

internal static class Fluent
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> map) => map(value);
}

public sealed class SqliteSearchVisibilityTests(SqliteApp app) : SearchVisibilityTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSearchVisibilityTests(PostgresApp app) : SearchVisibilityTests(app), IClassFixture<PostgresApp>;
