using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Sellers;

public abstract class SellerApplicationTests(AppFactory app)
{
    [Fact]
    public async Task Anonymous_visitors_read_about_selling_and_are_asked_to_sign_in_to_apply()
    {
        var browser = app.CreateBrowser();

        var sell = await browser.GetPageAsync("/sell");
        using var apply = await browser.GetAsync(new Uri("/sell/apply", UriKind.Relative));

        sell.QuerySelector("h1")!.TextContent.Should().Be("Sell what you grow and make");
        sell.QuerySelector("main a[href^='/Account/SignIn']")!.GetAttribute("href").Should().Contain("ReturnUrl=%2Fsell");
        sell.QuerySelector("main a[href='/Account/Register']").Should().NotBeNull();
        apply.StatusCode.Should().Be(HttpStatusCode.Redirect);
        apply.Headers.Location!.OriginalString.Should().Contain("/Account/SignIn").And.Contain("ReturnUrl=%2Fsell%2Fapply");
    }

    [Fact]
    public async Task An_applicant_approved_by_an_admin_is_emailed_and_reaches_the_dashboard_from_sell()
    {
        var email = SellingSteps.NewEmail("grower");
        var browser = await app.SignInAsync(email);
        using (var first = await browser.GetAsync(new Uri("/sell", UriKind.Relative)))
        {
            first.Headers.Location!.OriginalString.Should().Be("/sell/apply", "a signed-in person without a shop goes straight to the form");
        }

        var name = SellingSteps.UniqueName("Hill Bees");
        using var applied = await browser.ApplyAsync(name);
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        applied.Headers.Location!.OriginalString.Should().Be("/sell");
        var pending = await browser.GetPageAsync("/sell");
        pending.Text().Should().Contain(name).And.Contain("Waiting for review");
        var shop = (await app.ShopOfAsync(email))!;
        shop.Status.Should().Be(SellerStatus.Pending);

        var admin = await app.SignInAsync(SellingSteps.AdminEmail);
        using var approved = await admin.DecideAsync(shop.Id, "Approve");
        approved.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await app.ShopAsync(shop.Id)).Status.Should().Be(SellerStatus.Approved);
        var mail = (await app.MailToAsync(email)).Should().ContainSingle().Subject;
        mail.Subject.Should().Contain(name).And.Contain("approved");
        mail.TextBody.Should().Contain("http://localhost/sell");

        // The applicant's cookie was issued before the approval; /sell renews it and opens the dashboard.
        using var sell = await browser.GetAsync(new Uri("/sell", UriKind.Relative));
        sell.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sell.Headers.Location!.OriginalString.Should().Be("/Seller");
        var dashboard = await browser.GetPageAsync("/Seller");
        dashboard.Text().Should().Contain(name).And.Contain("Welcome");
        var audit = await app.AuditOfAsync(shop.Id);
        audit.Select(a => a.Action).Should().Equal("seller.applied", "seller.approved");
        audit[0].ActorUserId.Should().Be(await app.UserIdAsync(email));
        audit[0].AfterJson.Should().Contain("TermsAcceptedAt");
        audit[1].ActorUserId.Should().Be(await app.UserIdAsync(SellingSteps.AdminEmail));
        audit[1].BeforeJson.Should().Contain("Pending");
        audit[1].AfterJson.Should().Contain("Approved");
    }

    [Fact]
    public async Task A_rejected_applicant_reads_the_reason_changes_the_application_and_is_waiting_again()
    {
        var (browser, email, shop) = await app.NewApplicantAsync("Valley Jams");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);

        using var rejected = await admin.DecideAsync(shop.Id, "Reject", "Please tell buyers which fruit you use.");
        rejected.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var mail = (await app.MailToAsync(email)).Should().ContainSingle().Subject;
        mail.TextBody.Should().Contain("Please tell buyers which fruit you use.").And.Contain("http://localhost/sell");

        var sell = await browser.GetPageAsync("/sell");
        sell.Text().Should().Contain("Please tell buyers which fruit you use.");
        var edit = await browser.GetPageAsync(sell.QuerySelector("a[href='/sell/edit']")!.GetAttribute("href")!);
        edit.InputValue("#Shop_Name").Should().Be(shop.Name, "the form starts from what was sent");
        using var resubmitted = await browser.SubmitAsync(edit, "form.shop-form", new Dictionary<string, string>
        {
            ["Shop.Name"] = shop.Name + " and Jellies",
            ["Shop.Story"] = "Strawberry and rhubarb jam from our own fruit.",
        });

        resubmitted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var now = await app.ShopAsync(shop.Id);
        now.Status.Should().Be(SellerStatus.Pending);
        now.Name.Should().EndWith("and Jellies");
        now.Slug.Should().EndWith("and-jellies", "an address nobody has seen yet follows the new name");
        now.Story.Should().Contain("rhubarb");
        (await browser.GetPageAsync("/sell")).Text().Should().Contain("Waiting for review");
        (await app.AuditOfAsync(shop.Id)).Select(a => a.Action).Should().Equal("seller.applied", "seller.rejected", "seller.resubmitted");
        (await app.AuditOfAsync(shop.Id))[1].Reason.Should().Be("Please tell buyers which fruit you use.");
    }

    [Fact]
    public async Task Missing_terms_an_unknown_postal_code_and_a_negative_fee_are_shown_beside_their_fields_and_nothing_is_written()
    {
        var email = SellingSteps.NewEmail("hasty");
        var browser = await app.SignInAsync(email);

        using var response = await browser.ApplyAsync("Hasty Farm", new Dictionary<string, string>
        {
            ["AcceptTerms"] = "false",
            ["Shop.PostalCode"] = "00000",
            ["Shop.ShippingFee"] = "-2",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        page.FieldError("AcceptTerms").Should().Contain("agree");
        page.FieldError("Shop.PostalCode").Should().Contain("00000");
        page.FieldError("Shop.ShippingFee").Should().Contain("from 0");
        page.QuerySelector(".form-alert")!.TextContent.Should().Contain("3 answers need fixing");
        page.InputValue("#Shop_Name").Should().Be("Hasty Farm", "what was typed is kept");
        (await app.ShopCountAsync(email)).Should().Be(0);
    }

    [Fact]
    public async Task A_shop_that_offers_no_way_to_get_its_goods_is_refused_by_the_domain_with_a_message()
    {
        var email = SellingSteps.NewEmail("nowhere");
        var browser = await app.SignInAsync(email);

        using var response = await browser.ApplyAsync("Nowhere Farm", new Dictionary<string, string>
        {
            ["Shop.OffersPickup"] = "false",
            ["Shop.OffersShipping"] = "false",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadPageAsync()).Text().Should().Contain("Offer at least one way for buyers to get your goods.");
        (await app.ShopCountAsync(email)).Should().Be(0);
    }

    [Fact]
    public async Task The_story_preview_renders_markdown_without_running_scripts_and_saves_nothing()
    {
        var email = SellingSteps.NewEmail("previewer");
        var browser = await app.SignInAsync(email);
        var form = await browser.GetPageAsync("/sell/apply");

        using var response = await browser.SubmitWithButtonAsync(form, "form.shop-form", "button[formaction*='handler=Preview']", new Dictionary<string, string>
        {
            ["Shop.Story"] = "We keep **bees**.<script>alert('story')</script> <img src=x onerror=\"alert('img')\">",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.ReadPageAsync();
        var preview = page.QuerySelector("#story-preview .prose")!;
        preview.QuerySelector("strong")!.TextContent.Should().Be("bees");
        preview.QuerySelectorAll("script, img, [onerror]").Should().BeEmpty();
        preview.TextContent.Should().Contain("<script>alert('story')</script>", "typed HTML is previewed as the text it is");
        page.QuerySelector("#Shop_Story")!.TextContent.Should().Contain("<script>", "the story being written stays in the box as text");
        page.QuerySelectorAll(".field-error:not(:empty)").Should().BeEmpty("a preview judges nothing yet");
        (await app.ShopCountAsync(email)).Should().Be(0);
    }

    [Fact]
    public async Task A_story_with_a_script_tag_is_not_run_on_the_shop_page_once_approved()
    {
        var email = SellingSteps.NewEmail("scripter");
        var browser = await app.SignInAsync(email);
        using var applied = await browser.ApplyAsync(SellingSteps.UniqueName("Script Farm"), new Dictionary<string, string>
        {
            ["Shop.Story"] = "Fresh eggs daily.<script>alert('story')</script>",
        });
        var shop = (await app.ShopOfAsync(email))!;
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);
        var detail = await admin.GetPageAsync($"/Admin/Sellers/{shop.Id}");
        detail.QuerySelectorAll(".prose script").Should().BeEmpty("the admin reads the story sanitized too");

        using var approved = await admin.DecideAsync(shop.Id, "Approve");
        var page = await app.CreateBrowser().GetPageAsync($"/s/{shop.Slug}");

        page.QuerySelector(".prose")!.TextContent.Should().Contain("Fresh eggs daily.");
        page.QuerySelectorAll(".prose script").Should().BeEmpty();
        page.QuerySelector(".prose")!.TextContent.Should().Contain("<script>alert('story')</script>", "buyers see the typed tag as text");
    }

    [Fact]
    public async Task A_second_application_post_does_not_create_a_second_shop()
    {
        var email = SellingSteps.NewEmail("twice");
        var browser = await app.SignInAsync(email);
        var form = await browser.GetPageAsync("/sell/apply");

        using var first = await browser.SubmitAsync(form, "form.shop-form", SellingSteps.ValidApplication(SellingSteps.UniqueName("Twice Farm")));
        using var second = await browser.SubmitAsync(form, "form.shop-form", SellingSteps.ValidApplication(SellingSteps.UniqueName("Other Farm")));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.Should().Be("/sell");
        (await app.ShopCountAsync(email)).Should().Be(1);
        (await app.ShopOfAsync(email))!.Name.Should().StartWith("Twice Farm");
        using var again = await browser.GetAsync(new Uri("/sell/apply", UriKind.Relative));
        again.Headers.Location!.OriginalString.Should().Be("/sell");
    }

    [Fact]
    public async Task A_name_another_shop_already_uses_gets_a_numbered_web_address()
    {
        var existing = await app.WithDbAsync(db => db.Sellers.Where(s => s.Slug == "legler-creamery").Select(s => s.Name).SingleAsync());
        var email = SellingSteps.NewEmail("namesake");
        var browser = await app.SignInAsync(email);

        using var applied = await browser.ApplyAsync(existing);

        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.ShopOfAsync(email))!.Slug.Should().MatchRegex("^legler-creamery-[0-9]+$");
    }
}

public sealed class SqliteSellerApplicationTests(SqliteApp app) : SellerApplicationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSellerApplicationTests(PostgresApp app) : SellerApplicationTests(app), IClassFixture<PostgresApp>;
