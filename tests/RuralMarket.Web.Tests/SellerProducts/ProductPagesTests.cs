using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerProducts;

public abstract class ProductPagesTests(AppFactory app)
{
    [Fact]
    public async Task A_product_created_as_a_draft_is_on_sale_once_published_shows_edits_and_leaves_the_storefront_when_archived()
    {
        var seller = await app.SellerAsync("Clover Apiary");
        var id = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Wildflower honey", price: "9.50", stock: "12"));
        var product = await app.ProductAsync(id);
        product.Status.Should().Be(ProductStatus.Draft);
        var storefront = $"/p/{seller.Shop.Slug}/{product.Slug}";
        using var anonymous = app.CreateBrowser();
        await anonymous.GetPageAsync(storefront, HttpStatusCode.NotFound);

        (await seller.PressAsync(id, "Publish")).Should().Contain("Published");
        var page = await anonymous.GetPageAsync(storefront);
        page.QuerySelector("h1")!.TextContent.Should().Be("Wildflower honey");
        page.QuerySelector(".product-price")!.TextContent.Should().Contain("$9.50").And.Contain("per 12 oz jar");

        var edit = await seller.EditPageAsync(id);
        using (var saved = await seller.SubmitProductFormAsync(edit, new Dictionary<string, string>
        {
            ["Input.Title"] = "Wildflower honey, raw",
            ["Input.Price"] = "11.25",
            ["Input.Stock"] = "30",
        }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await seller.FlashAsync(saved)).Should().Be("Saved.");
        }

        page = await anonymous.GetPageAsync(storefront);
        page.QuerySelector("h1")!.TextContent.Should().Be("Wildflower honey, raw", "the address stays the same when the title changes");
        page.QuerySelector(".product-price")!.TextContent.Should().Contain("$11.25");
        (await app.ProductAsync(id)).Stock.Should().Be(30);

        var list = await seller.Browser.GetPageAsync("/Seller/Products?show=active");
        list.QuerySelector(".seller-products")!.TextContent.Should().Contain("Wildflower honey, raw").And.Contain("$11.25").And.Contain("30 in stock");

        (await seller.PressAsync(id, "Archive")).Should().Contain("Archived");
        await anonymous.GetPageAsync(storefront, HttpStatusCode.NotFound);
        (await seller.Browser.GetPageAsync("/Seller/Products?show=archived")).QuerySelector(".seller-products")!.TextContent.Should().Contain("Wildflower honey, raw");
        (await seller.Browser.GetPageAsync("/Seller/Products?show=active")).QuerySelector("main")!.TextContent.Should().NotContain("Wildflower honey, raw");

        (await seller.PressAsync(id, "Restore")).Should().Contain("Restored as a draft");
        (await app.ProductAsync(id)).Status.Should().Be(ProductStatus.Draft);
    }

    [Fact]
    public async Task Two_products_with_the_same_title_get_different_addresses()
    {
        var seller = await app.SellerAsync("Twin Oaks");
        var first = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Brown eggs"));
        var second = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Brown eggs"));

        (await app.ProductAsync(first)).Slug.Should().Be("brown-eggs");
        (await app.ProductAsync(second)).Slug.Should().Be("brown-eggs-2");
    }

    [Theory]
    [InlineData("-3.00", "12", "A price must be more than zero.")]
    [InlineData("abc", "12", "is not a price")]
    [InlineData("4.999", "12", "at most 2 decimal places")]
    [InlineData("4.00", "-1", "Stock cannot be negative.")]
    public async Task Bad_prices_and_stock_are_refused_with_a_message_and_nothing_is_saved(string price, string stock, string message)
    {
        var seller = await app.SellerAsync("Careful Farm");

        using var response = await seller.SubmitNewProductAsync(SellerProductSteps.ProductFields(price: price, stock: stock));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        page.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain(message);
        page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Price")!.Value.Should().Be(price, "what the seller typed stays in the form");
        (await app.ProductCountAsync(seller.Shop.Id)).Should().Be(0);
    }

    [Fact]
    public async Task A_negative_stock_on_edit_is_refused_and_the_product_is_unchanged()
    {
        var seller = await app.SellerAsync("Steady Farm");
        var id = await seller.CreateProductAsync();
        var before = await app.ProductAsync(id);

        using var response = await seller.SubmitProductFormAsync(await seller.EditPageAsync(id),
            new Dictionary<string, string> { ["Input.Stock"] = "-5", ["Input.Title"] = "Changed title" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Stock cannot be negative.");
        var after = await app.ProductAsync(id);
        after.Title.Should().Be(before.Title);
        after.Stock.Should().Be(before.Stock);
        after.Version.Should().Be(before.Version);
    }

    [Fact]
    public async Task Script_tags_in_the_title_and_description_are_shown_as_text_on_the_product_page()
    {
        var seller = await app.SellerAsync("Sneaky Preserves");
        var id = await seller.CreateProductAsync(SellerProductSteps.ProductFields(
            title: "<script>alert('t')</script> Plum jam",
            description: "Tart.\n<script>alert('d')</script><img src=x onerror=alert(1)>"));
        await seller.PressAsync(id, "Publish");
        var product = await app.ProductAsync(id);

        using var anonymous = app.CreateBrowser();
        using var response = await anonymous.GetAsync(new Uri($"/p/{seller.Shop.Slug}/{product.Slug}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().NotContain("<script>alert").And.NotContain("<img src=x");
        var page = await response.ReadPageAsync();
        page.QuerySelector("h1")!.TextContent.Should().Be("<script>alert('t')</script> Plum jam");
        page.QuerySelector(".product-description")!.TextContent.Should().Contain("<script>alert('d')</script>");
    }

    [Fact]
    public async Task Saving_a_form_someone_else_changed_meanwhile_is_refused_and_says_so()
    {
        var seller = await app.SellerAsync("Busy Farm");
        var id = await seller.CreateProductAsync();
        var phone = await seller.EditPageAsync(id);
        var laptop = await seller.EditPageAsync(id);

        using (var first = await seller.SubmitProductFormAsync(laptop, new Dictionary<string, string> { ["Input.Price"] = "20.00" }))
        {
            first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var stale = await seller.SubmitProductFormAsync(phone, new Dictionary<string, string> { ["Input.Price"] = "5.00" });

        stale.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await stale.ReadPageAsync();
        page.QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Someone else changed this product");
        (await app.ProductAsync(id)).Price.Amount.Should().Be(2000, "the first save stands");

        using var again = await seller.SubmitProductFormAsync(page, new Dictionary<string, string>());
        again.StatusCode.Should().Be(HttpStatusCode.Redirect, "saving again after the warning is a deliberate overwrite");
        (await app.ProductAsync(id)).Price.Amount.Should().Be(500);
    }

    [Fact]
    public async Task Illegal_status_moves_are_refused_with_a_message_and_change_nothing()
    {
        var seller = await app.SellerAsync("Rule Farm");
        var id = await seller.CreateProductAsync();
        await seller.PressAsync(id, "Publish");
        var before = await app.ProductAsync(id);

        (await seller.PressAsync(id, "Publish")).Should().Contain("already published").And.Contain("Nothing was changed");
        (await seller.PressAsync(id, "Restore")).Should().Contain("Only archived products can be restored");

        var after = await app.ProductAsync(id);
        after.Status.Should().Be(ProductStatus.Active);
        after.Version.Should().Be(before.Version);
    }

    [Fact]
    public async Task A_suspended_seller_cannot_publish()
    {
        var seller = await app.SellerAsync("Paused Farm");
        var id = await seller.CreateProductAsync();
        await app.WithDbAsync(async db =>
        {
            var shop = await db.Sellers.SingleAsync(s => s.Id == seller.Shop.Id);
            shop.Suspend("Unpaid fees", "admin", app.Clock);
            return await db.SaveChangesAsync();
        });

        (await seller.PressAsync(id, "Publish")).Should().Contain("Your shop is suspended");

        (await app.ProductAsync(id)).Status.Should().Be(ProductStatus.Draft);
    }

    [Fact]
    public async Task A_product_hidden_by_a_moderator_shows_the_reason_to_its_seller()
    {
        var seller = await app.SellerAsync("Flagged Farm");
        var id = await seller.CreateProductAsync(SellerProductSteps.ProductFields(title: "Miracle tonic"));
        await seller.PressAsync(id, "Publish");
        await app.WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == id);
            product.Hide("Health claims are not allowed", app.Clock);
            return await db.SaveChangesAsync();
        });

        var list = await seller.Browser.GetPageAsync("/Seller/Products?show=hidden");
        list.QuerySelector(".seller-products")!.TextContent.Should().Contain("Miracle tonic").And.Contain("Health claims are not allowed");
        (await seller.EditPageAsync(id)).QuerySelector("[role=alert]")!.TextContent.Should().Contain("Health claims are not allowed");
    }

    [Fact]
    public async Task Only_ways_the_shop_offers_can_be_chosen()
    {
        var seller = await app.SellerAsync("Pickup Only");
        await app.WithDbAsync(async db =>
        {
            var shop = await db.Sellers.SingleAsync(s => s.Id == seller.Shop.Id);
            var usd = new Domain.Common.Money(0, "USD");
            shop.UpdateFulfilment(new Domain.Sellers.FulfilmentOptions(true, "The barn", null, null, false, 0, usd, false, usd, usd), app.Clock);
            return await db.SaveChangesAsync();
        });
        var form = await seller.Browser.GetPageAsync("/Seller/Products/New");
        form.QuerySelector("input[name='Input.Shipping'][type=checkbox]").Should().BeNull();
        form.QuerySelector("input[name='Input.Pickup'][type=checkbox]").Should().NotBeNull();

        using var response = await seller.SubmitNewProductAsync(new(SellerProductSteps.ProductFields()) { ["Input.Shipping"] = "true" });

        (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Your shop does not offer");
        (await app.ProductCountAsync(seller.Shop.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Buyers_and_visitors_get_no_seller_product_page()
    {
        var seller = await app.SellerAsync("Private Farm");
        var id = await seller.CreateProductAsync();

        using var anonymous = app.CreateBrowser();
        foreach (var url in new[] { "/Seller/Products", $"/Seller/Products/{id}", "/Seller/Products/New", "/Seller/Products/Export", "/Seller/Products/Import" })
        {
            using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().Should().Contain("/Account/SignIn");
        }

        var buyer = await app.SignInAsync($"buyer.{Guid.NewGuid():N}@example.com");
        await buyer.GetPageAsync("/Seller/Products", HttpStatusCode.Forbidden);
        await buyer.GetPageAsync($"/Seller/Products/{id}", HttpStatusCode.Forbidden);
        using var post = await buyer.PostAsync(new Uri($"/Seller/Products/{id}?handler=Archive", UriKind.Relative), new FormUrlEncodedContent([]));
        post.StatusCode.Should().BeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.BadRequest);
        (await app.ProductAsync(id)).Status.Should().Be(ProductStatus.Draft);
    }
}

public sealed class SqliteProductPagesTests(SqliteApp app) : ProductPagesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProductPagesTests(PostgresApp app) : ProductPagesTests(app), IClassFixture<PostgresApp>;
