using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Catalog;
using RuralMarket.Web.Features.Cart;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Cart;

public abstract class CartTests(AppFactory app)
{
    [Fact]
    public async Task Adding_from_two_sellers_shows_one_part_per_seller_with_delivery_and_totals()
    {
        var orchard = await app.CreateSellerAsync("Hilltop Orchard");
        var dairy = await app.CreateSellerAsync("Creek Dairy");
        var apples = await app.CreateProductAsync(orchard, "Honeycrisp apples", 425, stock: 20);
        var cheese = await app.CreateProductAsync(dairy, "Aged cheddar", 3000, stock: 10);
        var browser = app.CreateBrowser();

        // Through the product page's own form, as a buyer would; then the same post for the second seller.
        var applesPage = await browser.GetPageAsync($"/p/{orchard.Slug}/{apples.Slug}");
        using (var added = await browser.SubmitAsync(applesPage, "form[action='/cart/add']", new Dictionary<string, string> { ["quantity"] = "2" }))
        {
            added.Headers.Location!.OriginalString.Should().Be("/cart");
        }

        await browser.AddedAsync(cheese, 2);

        var cart = await browser.GetPageAsync("/cart");
        cart.Flash().Should().Be("Added 2 × Aged cheddar to your cart.");
        cart.QuerySelector(".cart-link")!.TextContent.Should().Be("Cart (4)");
        cart.QuerySelectorAll(".cart-seller").Should().HaveCount(2);
        cart.Section(orchard).QuerySelector("h2")!.TextContent.Should().Contain(orchard.Name);
        cart.Line(apples).QuerySelector(".cart-line-total")!.TextContent.Should().Be("$8.50");
        cart.Sums(orchard).Should().Equal(new Dictionary<string, string>
        {
            ["Subtotal"] = "$8.50",
            ["Shipping"] = "$6.50",
            [$"Total from {orchard.Name}"] = "$15.00",
        });
        // $60.00 of cheese is over the dairy's $50 free-shipping threshold.
        cart.Sums(dairy).Should().Equal(new Dictionary<string, string>
        {
            ["Subtotal"] = "$60.00",
            ["Shipping"] = "Free",
            [$"Total from {dairy.Name}"] = "$60.00",
        });
        cart.QuerySelector(".cart-grand-total")!.TextContent.Should().Be("$75.00");
        cart.QuerySelector("a.button[href='/checkout']").Should().NotBeNull();
    }

    [Fact]
    public async Task Choosing_pickup_instead_of_shipping_removes_the_fee_and_is_remembered()
    {
        var farm = await app.CreateSellerAsync("Stony Brook Farm");
        var eggs = await app.CreateProductAsync(farm, "Pasture eggs", 700, stock: 30, FulfilmentMethod.Shipping | FulfilmentMethod.Pickup);
        var browser = app.CreateBrowser();
        await browser.AddedAsync(eggs, 1);

        var cart = await browser.GetPageAsync("/cart");
        var form = $"#fulfilment-{farm.Id:N}";
        cart.QuerySelectorAll($"{form} input[name='method']").Select(r => r.GetAttribute("value"))
            .Should().Equal(["Shipping", "Pickup"], "the eggs cannot go by local delivery, so that option is not offered");
        cart.QuerySelector($"{form} input[value='Shipping']")!.HasAttribute("checked").Should().BeTrue();
        cart.SellerTotal(farm).Should().Be("$13.50");

        cart = await browser.SubmitCartFormAsync(form, new Dictionary<string, string> { ["method"] = "Pickup" });

        cart.Sums(farm).Should().Contain("Pickup at the farm", "Free").And.Contain($"Total from {farm.Name}", "$7.00");
        cart.QuerySelector($"{form} input[value='Pickup']")!.HasAttribute("checked").Should().BeTrue();
        cart.Section(farm).TextContent.Should().Contain("12 Orchard Lane, Millbrook").And.Contain("Saturdays 9–12");
        cart.QuerySelector(".cart-grand-total")!.TextContent.Should().Be("$7.00");

        // A method the products do not allow, posted by hand, is refused and the choice stays.
        cart = await browser.SubmitCartFormAsync(form, new Dictionary<string, string> { ["method"] = "LocalDelivery" });
        cart.Problem().Should().Be($"{farm.Name} can't offer local delivery for the products in your cart.");
        cart.Sums(farm).Should().Contain("Pickup at the farm", "Free");
        (await app.WithDbAsync(db => db.Carts.Where(c => c.Lines.Any(l => l.ProductId == eggs.Id)).SelectMany(c => c.SellerChoices).Select(s => s.Method).ToListAsync()))
            .Should().Equal(FulfilmentMethod.Pickup);
    }

    [Fact]
    public async Task Asking_for_more_than_the_stock_or_a_bad_quantity_is_refused_with_a_message_and_nothing_changes()
    {
        var farm = await app.CreateSellerAsync("Maple Ridge");
        var syrup = await app.CreateProductAsync(farm, "Maple syrup", 1800, stock: 3);
        var browser = app.CreateBrowser();
        await browser.AddedAsync(syrup, 2);
        var update = $"#update-{syrup.Id:N}";

        var cart = await browser.SubmitCartFormAsync(update, new Dictionary<string, string> { ["quantity"] = "5" });
        cart.Problem().Should().Be("Only 3 left of Maple syrup — your cart still has 2.");
        (await app.CartsHoldingAsync(syrup)).Single().Quantity.Should().Be(2);

        using (var tooMany = await browser.AddToCartAsync(syrup.Id, "2"))
        {
            tooMany.StatusCode.Should().Be(HttpStatusCode.Redirect);
            tooMany.Headers.Location!.OriginalString.Should().Be($"/p/{farm.Slug}/{syrup.Slug}", "a refused add goes back to the product");
        }

        (await browser.GetPageAsync($"/p/{farm.Slug}/{syrup.Slug}")).Flash().Should().Be("Only 3 left of Maple syrup, and you already have 2 in your cart.");
        (await app.CartsHoldingAsync(syrup)).Single().Quantity.Should().Be(2);

        foreach (var bad in new[] { "-1", "100", "two" })
        {
            cart = await browser.SubmitCartFormAsync(update, new Dictionary<string, string> { ["quantity"] = bad });
            cart.Problem().Should().NotBeNullOrEmpty("quantity {0} is refused with a message", bad);
            using var add = await browser.AddToCartAsync(syrup.Id, bad);
            add.Headers.Location!.OriginalString.Should().Be($"/p/{farm.Slug}/{syrup.Slug}");
        }

        (await app.CartsHoldingAsync(syrup)).Single().Quantity.Should().Be(2);

        cart = await browser.SubmitCartFormAsync(update, new Dictionary<string, string> { ["quantity"] = "3" });
        cart.Flash().Should().Be("Updated: 3 × Maple syrup in your cart.");
        cart.Line(syrup).QuerySelector("input[name='quantity']")!.GetAttribute("value").Should().Be("3");

        cart = await browser.SubmitCartFormAsync(update, new Dictionary<string, string> { ["quantity"] = "0" });
        cart.Flash().Should().Be("Removed Maple syrup from your cart.");
        cart.QuerySelectorAll(".cart-line").Should().BeEmpty();
        (await app.CartsHoldingAsync(syrup)).Should().BeEmpty();
    }

    [Fact]
    public async Task Adding_zero_from_the_product_page_is_refused_with_a_message_and_adds_nothing()
    {
        var farm = await app.CreateSellerAsync("Cedar Hill");
        var butter = await app.CreateProductAsync(farm, "Cultured butter", 900, stock: 6);
        var productUrl = $"/p/{farm.Slug}/{butter.Slug}";
        var cartsBefore = await app.CartCountAsync();
        var browser = app.CreateBrowser();

        async Task AddZeroAsync()
        {
            var page = await browser.GetPageAsync(productUrl);
            using var zero = await browser.SubmitAsync(page, "form[action='/cart/add']", new Dictionary<string, string> { ["quantity"] = "0" });
            zero.StatusCode.Should().Be(HttpStatusCode.Redirect);
            zero.Headers.Location!.OriginalString.Should().Be(productUrl, "a refused add goes back to the product");
            (await browser.GetPageAsync(productUrl)).Flash().Should().Be("Choose a quantity from 1 to 99.");
        }

        await AddZeroAsync();
        (await app.CartsHoldingAsync(butter)).Should().BeEmpty();
        (await app.CartCountAsync()).Should().Be(cartsBefore, "a refused first add makes no cart");

        // With the butter already in the cart, adding zero more leaves the line as it was.
        await browser.AddedAsync(butter, 2);
        await AddZeroAsync();
        (await app.CartsHoldingAsync(butter)).Should().ContainSingle().Which.Quantity.Should().Be(2);
    }

    [Fact]
    public async Task When_stock_runs_low_the_cart_cuts_the_quantity_and_a_sold_out_line_is_left_out()
    {
        var farm = await app.CreateSellerAsync("Willow Bend");
        var honey = await app.CreateProductAsync(farm, "Wildflower honey", 1000, stock: 5);
        var jam = await app.CreateProductAsync(farm, "Plum jam", 600, stock: 5);
        var browser = app.CreateBrowser();
        await browser.AddedAsync(honey, 4);
        await browser.AddedAsync(jam, 1);

        await app.ChangeProductAsync(honey, p => p.SetStock(2, app.Clock));
        var cart = await browser.GetPageAsync("/cart");
        cart.Line(honey).QuerySelector(".cart-warning")!.TextContent.Should().Be("Only 2 left — we changed your quantity to 2.");
        cart.Line(honey).QuerySelector("input[name='quantity']")!.GetAttribute("value").Should().Be("2");
        cart.Sums(farm)["Subtotal"].Should().Be("$26.00");

        await app.ChangeProductAsync(honey, p => p.SetStock(0, app.Clock));
        cart = await browser.GetPageAsync("/cart");
        cart.Line(honey).QuerySelector(".cart-warning")!.TextContent.Should().Be("Sold out — this line won't be included.");
        cart.Sums(farm)["Subtotal"].Should().Be("$6.00");
        cart.QuerySelector(".cart-grand-total")!.TextContent.Should().Be("$12.50");
    }

    [Fact]
    public async Task Lines_of_a_hidden_product_or_a_suspended_seller_are_flagged_and_left_out_of_totals_and_checkout()
    {
        var farm = await app.CreateSellerAsync("Red Barn");
        var flagged = await app.CreateSellerAsync("Fly By Night");
        var bread = await app.CreateProductAsync(farm, "Sourdough loaf", 900, stock: 10);
        var pie = await app.CreateProductAsync(farm, "Apple pie", 2200, stock: 10);
        var candles = await app.CreateProductAsync(flagged, "Beeswax candles", 1500, stock: 10);
        var browser = app.CreateBrowser();
        await browser.AddedAsync(bread, 1);
        await browser.AddedAsync(pie, 1);
        await browser.AddedAsync(candles, 1);

        await app.ChangeProductAsync(pie, p => p.Hide("Misleading photo", app.Clock));
        await app.SuspendAsync(flagged);
        var cart = await browser.GetPageAsync("/cart");

        cart.Line(pie).ClassList.Should().Contain("left-out");
        cart.Line(pie).QuerySelector(".cart-warning")!.TextContent.Should().Be("No longer available — this line won't be included.");
        cart.Line(candles).QuerySelector(".cart-warning")!.TextContent.Should().StartWith("No longer available");
        cart.Section(flagged).QuerySelector("form.cart-fulfilment").Should().BeNull("nothing from a suspended seller can be ordered");
        cart.Sums(farm)["Subtotal"].Should().Be("$9.00");
        cart.QuerySelector(".cart-grand-total")!.TextContent.Should().Be("$15.50", "only the bread and its shipping are left to pay");

        await app.ChangeProductAsync(bread, p => p.Archive(app.Clock));
        cart = await browser.GetPageAsync("/cart");
        cart.QuerySelector("a[href='/checkout']").Should().BeNull();
        cart.QuerySelector("#cart-total")!.TextContent.Should().Be("Nothing to check out yet");
    }

    [Fact]
    public async Task Signing_in_merges_the_anonymous_cart_into_the_buyers_cart_and_deletes_it()
    {
        var farm = await app.CreateSellerAsync("Sunny Acres");
        var carrots = await app.CreateProductAsync(farm, "Rainbow carrots", 350, stock: 20);
        var onions = await app.CreateProductAsync(farm, "Sweet onions", 275, stock: 20);
        var email = $"merge.{Guid.NewGuid():N}@example.com";
        var onPhone = app.CreateBrowser();
        await onPhone.SignInAsync(app, email);
        await onPhone.AddedAsync(carrots, 1);

        var onLaptop = app.CreateBrowser();
        await onLaptop.AddedAsync(carrots, 2);
        await onLaptop.AddedAsync(onions, 1);
        var anonymous = (await app.CartsHoldingAsync(onions)).Should().ContainSingle().Subject;
        anonymous.AnonymousToken.Should().NotBeNull();
        var cartsBefore = await app.CartCountAsync();

        var cookies = await onLaptop.SignInAsync(app, email);

        cookies.Should().Contain(c => c.StartsWith("rm.cart=;", StringComparison.Ordinal) && c.Contains("1970", StringComparison.Ordinal), "the anonymous cart's cookie is cleared");

        var cart = await onLaptop.GetPageAsync("/cart");
        cart.Line(carrots).QuerySelector("input[name='quantity']")!.GetAttribute("value").Should().Be("3", "quantities add up");
        cart.Line(onions).QuerySelector("input[name='quantity']")!.GetAttribute("value").Should().Be("1");
        var buyer = await app.UserIdAsync(email);
        var merged = (await app.CartsHoldingAsync(carrots)).Should().ContainSingle().Subject;
        merged.BuyerUserId.Should().Be(buyer);
        merged.Quantity.Should().Be(3);
        (await app.CartsHoldingAsync(onions)).Should().ContainSingle().Which.BuyerUserId.Should().Be(buyer);
        (await app.WithDbAsync(db => db.Carts.AnyAsync(c => c.Id == anonymous.Id)))
            .Should().BeFalse("the anonymous cart is deleted once merged");
        (await app.CartCountAsync()).Should().Be(cartsBefore - 1);
        (await onPhone.GetPageAsync("/cart")).QuerySelector(".cart-link")!.TextContent.Should().Be("Cart (4)");
    }

    [Fact]
    public async Task Signing_in_without_a_cart_of_ones_own_makes_the_anonymous_cart_the_buyers()
    {
        var farm = await app.CreateSellerAsync("Pine Hollow");
        var wreath = await app.CreateProductAsync(farm, "Pine wreath", 4500, stock: 4);
        var email = $"claim.{Guid.NewGuid():N}@example.com";
        var browser = app.CreateBrowser();
        await browser.AddedAsync(wreath, 1);
        var anonymous = (await app.CartsHoldingAsync(wreath)).Single();

        await browser.SignInAsync(app, email);

        var claimed = (await app.CartsHoldingAsync(wreath)).Should().ContainSingle().Subject;
        claimed.Id.Should().Be(anonymous.Id);
        claimed.BuyerUserId.Should().Be(await app.UserIdAsync(email));
        claimed.AnonymousToken.Should().BeNull("the cookie token no longer opens this cart");
        (await browser.GetPageAsync("/cart")).Line(wreath).Should().NotBeNull();
    }

    [Fact]
    public async Task Browsing_creates_no_cart_row_and_no_cart_cookie()
    {
        var farm = await app.CreateSellerAsync("Window Shop");
        var jar = await app.CreateProductAsync(farm, "Pickled beets", 800, stock: 12);
        var cartsBefore = await app.CartCountAsync();
        var browser = app.CreateBrowser();

        foreach (var url in new[] { "/", $"/p/{farm.Slug}/{jar.Slug}", $"/s/{farm.Slug}", "/cart", "/cart/add", "/Account/SignIn" })
        {
            using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).Should().NotContain(c => c.StartsWith("rm.cart=", StringComparison.Ordinal));
        }

        var cart = await browser.GetPageAsync("/cart");
        cart.QuerySelector("main")!.TextContent.Should().Contain("Your cart is empty.");
        cart.QuerySelector(".cart-link")!.TextContent.Should().Be("Cart");
        (await app.CartCountAsync()).Should().Be(cartsBefore);
    }

    [Fact]
    public async Task Anonymous_carts_untouched_for_longer_than_the_cookie_lives_are_deleted()
    {
        var farm = await app.CreateSellerAsync("Old Mill");
        var flour = await app.CreateProductAsync(farm, "Stone-ground flour", 650, stock: 40);
        var recent = app.CreateBrowser();
        await recent.AddedAsync(flour, 1);
        var abandoned = app.CreateBrowser();
        await abandoned.AddedAsync(flour, 2);
        var buyer = await app.SignInAsync($"keeper.{Guid.NewGuid():N}@example.com");
        await buyer.AddedAsync(flour, 3);
        var longAgo = app.Clock.GetUtcNow().UtcDateTime.AddDays(-61);
        var abandonedId = (await app.CartsHoldingAsync(flour)).Single(c => c.Quantity == 2).Id;
        var buyersId = (await app.CartsHoldingAsync(flour)).Single(c => c.Quantity == 3).Id;
        await app.WithDbAsync(db => db.Carts.Where(c => c.Id == abandonedId || c.Id == buyersId).ExecuteUpdateAsync(c => c.SetProperty(x => x.UpdatedAt, longAgo)));

        await app.WithServiceAsync<DeleteAbandonedAnonymousCarts>(task => task.RunAsync(CancellationToken.None));

        (await app.CartsHoldingAsync(flour)).Select(c => c.Quantity).Should().BeEquivalentTo([1, 3], "a signed-in buyer's cart is kept however old");
        (await app.WithDbAsync(db => db.Carts.Where(c => c.Id == abandonedId).SelectMany(c => c.Lines).CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task Cart_forms_without_an_antiforgery_token_are_refused_with_400_and_change_nothing()
    {
        var farm = await app.CreateSellerAsync("Quiet Pond");
        var trout = await app.CreateProductAsync(farm, "Smoked trout", 1400, stock: 8);
        var cartsBefore = await app.CartCountAsync();
        var browser = app.CreateBrowser();

        foreach (var action in new[] { "/cart/add", "/cart/update", "/cart/remove" })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["productId"] = trout.Id.ToString(), ["quantity"] = "1" });
            using var response = await browser.PostAsync(new Uri(action, UriKind.Relative), content);
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "{0} needs the antiforgery token", action);
        }

        (await app.CartCountAsync()).Should().Be(cartsBefore);
    }

    [Fact]
    public async Task Unknown_or_hidden_products_are_404_and_ids_of_lines_in_someone_elses_cart_change_nothing()
    {
        var farm = await app.CreateSellerAsync("Long Meadow");
        var lamb = await app.CreateProductAsync(farm, "Lamb chops", 2400, stock: 6);
        var wool = await app.CreateProductAsync(farm, "Wool blanket", 9000, stock: 2);
        var hidden = await app.CreateProductAsync(farm, "Mystery box", 1000, stock: 5);
        await app.ChangeProductAsync(hidden, p => p.Hide("Not allowed", app.Clock));

        var mine = app.CreateBrowser();
        using (var unknown = await mine.AddToCartAsync(Guid.NewGuid()))
        {
            unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using (var hiddenAdd = await mine.AddToCartAsync(hidden.Id))
        {
            hiddenAdd.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using (var malformed = await mine.AddToCartAsync(Guid.Empty))
        {
            malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        // A price field posted by hand is ignored: the price comes from the catalog.
        using (var withPrice = await mine.AddToCartAsync(lamb.Id, "1", new Dictionary<string, string> { ["price"] = "1", ["unitPrice"] = "0.01" }))
        {
            withPrice.Headers.Location!.OriginalString.Should().Be("/cart");
        }

        var theirs = app.CreateBrowser();
        await theirs.AddedAsync(wool, 1);

        var update = await mine.SubmitCartFormAsync($"#update-{lamb.Id:N}", new Dictionary<string, string> { ["productId"] = wool.Id.ToString(), ["quantity"] = "2" });
        update.Problem().Should().Be("That product is not in your cart.");
        var remove = await mine.SubmitCartFormAsync($"#remove-{lamb.Id:N}", new Dictionary<string, string> { ["productId"] = wool.Id.ToString() });
        remove.Problem().Should().Be("That product is not in your cart.");
        var choose = await mine.SubmitCartFormAsync($"#fulfilment-{farm.Id:N}", new Dictionary<string, string> { ["sellerId"] = Guid.NewGuid().ToString(), ["method"] = "Pickup" });
        choose.Problem().Should().Be("Your cart has nothing from that seller.");

        (await app.CartsHoldingAsync(wool)).Should().ContainSingle().Which.Quantity.Should().Be(1);
        (await app.CartsHoldingAsync(lamb)).Should().ContainSingle().Which.Quantity.Should().Be(1);
        choose.Line(lamb).QuerySelector(".cart-line-total")!.TextContent.Should().Be("$24.00");
    }
}

public sealed class SqliteCartTests(SqliteApp app) : CartTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCartTests(PostgresApp app) : CartTests(app), IClassFixture<PostgresApp>;
