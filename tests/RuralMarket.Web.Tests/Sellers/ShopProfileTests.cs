using System.Net;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Sellers;

public abstract class ShopProfileTests(AppFactory app)
{
    private async Task<(HttpClient Browser, ShopState Shop)> ApprovedSellerAsync(string name)
    {
        var (browser, _, shop) = await app.NewApplicantAsync(name);
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);
        using (await admin.DecideAsync(shop.Id, "Approve"))
        {
        }

        using (await browser.GetAsync(new Uri("/sell", UriKind.Relative)))
        {
            // renews the sign-in with the Seller role
        }

        return (browser, await app.ShopAsync(shop.Id));
    }

    [Fact]
    public async Task A_seller_edits_the_story_and_pickup_terms_and_buyers_see_them_at_the_same_address()
    {
        var (browser, shop) = await ApprovedSellerAsync("Profile Farm");
        var form = await browser.GetPageAsync("/Seller/Profile");
        form.InputValue("#Shop_PickupAddress").Should().Be("1 Hill Road, Craftsbury", "the form starts from the shop as it is");
        form.InputValue("#Shop_ShippingFee").Should().Be("6.50");

        using var saved = await browser.SubmitAsync(form, "form.shop-form", new Dictionary<string, string>
        {
            ["Shop.Name"] = shop.Name + " Renamed",
            ["Shop.Story"] = "Now with *ducks*.",
            ["Shop.PickupHours"] = "Sundays 10–2",
            ["Shop.OffersLocalDelivery"] = "true",
            ["Shop.DeliveryRadiusKm"] = "15",
            ["Shop.LocalDeliveryFee"] = "3",
        });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await browser.GetPageAsync(saved.Headers.Location!.OriginalString)).QuerySelector(".flash")!.TextContent.Should().Contain("saved");
        var now = await app.ShopAsync(shop.Id);
        now.Slug.Should().Be(shop.Slug, "a live shop keeps its web address");
        var page = await app.CreateBrowser().GetPageAsync($"/s/{shop.Slug}");
        page.QuerySelector("h1")!.TextContent.Should().Be(shop.Name + " Renamed");
        page.QuerySelector(".prose em")!.TextContent.Should().Be("ducks");
        page.Text().Should().Contain("Sundays 10–2").And.Contain("Within 15 km of Craftsbury").And.Contain("$3.00");
    }

    [Fact]
    public async Task A_negative_fee_or_unknown_postal_code_on_the_profile_is_a_field_error_and_nothing_changes()
    {
        var (browser, shop) = await ApprovedSellerAsync("Careful Farm");
        var form = await browser.GetPageAsync("/Seller/Profile");

        using var response = await browser.SubmitAsync(form, "form.shop-form", new Dictionary<string, string>
        {
            ["Shop.Story"] = "Changed",
            ["Shop.FreeShippingOver"] = "-10",
            ["Shop.PostalCode"] = "ABCDE",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        page.FieldError("Shop.FreeShippingOver").Should().NotBeNullOrEmpty();
        page.FieldError("Shop.PostalCode").Should().Contain("ABCDE");
        (await app.ShopAsync(shop.Id)).Should().Be(shop);
    }

    [Fact]
    public async Task The_profile_previews_the_story_with_the_same_sanitizer_and_saves_nothing()
    {
        var (browser, shop) = await ApprovedSellerAsync("Preview Farm");
        var form = await browser.GetPageAsync("/Seller/Profile");

        using var response = await browser.SubmitWithButtonAsync(form, "form.shop-form", "button[formaction*='handler=Preview']", new Dictionary<string, string>
        {
            ["Shop.Story"] = "# Hello\n<script>alert('x')</script>",
        });

        var page = await response.ReadPageAsync();
        page.QuerySelector("#story-preview .prose h3")!.TextContent.Should().Be("Hello");
        page.QuerySelectorAll("#story-preview script").Should().BeEmpty();
        (await app.ShopAsync(shop.Id)).Should().Be(shop);
    }

    [Fact]
    public async Task A_buyer_or_a_pending_applicant_has_no_profile_page()
    {
        var (applicant, _, _) = await app.NewApplicantAsync("Not Yet Farm");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("buyer"));

        using var asApplicant = await applicant.GetAsync(new Uri("/Seller/Profile", UriKind.Relative));
        using var asBuyer = await buyer.GetAsync(new Uri("/Seller/Profile", UriKind.Relative));

        asApplicant.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        asBuyer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}

public sealed class SqliteShopProfileTests(SqliteApp app) : ShopProfileTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresShopProfileTests(PostgresApp app) : ShopProfileTests(app), IClassFixture<PostgresApp>;
