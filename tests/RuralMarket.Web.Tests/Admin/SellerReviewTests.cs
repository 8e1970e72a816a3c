using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

public abstract class SellerReviewTests(AppFactory app)
{
    [Fact]
    public async Task The_queue_shows_waiting_applications_oldest_first_and_other_sellers_by_status_or_name()
    {
        var (_, _, older) = await app.NewApplicantAsync("Queue Older");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, _, newer) = await app.NewApplicantAsync("Queue Newer");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);

        var queue = await admin.GetPageAsync("/Admin/Sellers");
        var names = queue.QuerySelectorAll(".review-list .review-name").Select(a => a.TextContent).ToList();
        names.Should().Contain(older.Name).And.Contain(newer.Name);
        names.IndexOf(older.Name).Should().BeLessThan(names.IndexOf(newer.Name));
        queue.QuerySelectorAll(".review-list .badge").Select(b => b.TextContent).Should().OnlyContain(s => s == "Waiting");

        var approved = await admin.GetPageAsync("/Admin/Sellers?status=Approved");
        approved.QuerySelectorAll(".review-name").Select(a => a.TextContent).Should().Contain("Legler Creamery").And.NotContain(older.Name);

        var found = await admin.GetPageAsync("/Admin/Sellers?q=legler");
        found.QuerySelectorAll(".review-name").Select(a => a.TextContent).Should().Equal("Legler Creamery");
    }

    [Fact]
    public async Task The_detail_page_shows_what_the_applicant_entered_and_who_they_are()
    {
        var (_, email, shop) = await app.NewApplicantAsync("Detail Farm");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);

        var page = await admin.GetPageAsync($"/Admin/Sellers/{shop.Id}");

        page.QuerySelector("h1")!.TextContent.Should().Be(shop.Name);
        page.QuerySelector(".prose strong")!.TextContent.Should().Be("bees");
        var text = page.Text();
        text.Should().Contain(email).And.Contain("Craftsbury, VT, 05826, US").And.Contain("1 Hill Road, Craftsbury")
            .And.Contain("Saturdays 9–12").And.Contain("$6.50").And.Contain("10 %");
        page.QuerySelector("form.review-approve").Should().NotBeNull();
        page.QuerySelector("form.review-reason[action*='handler=Reject']").Should().NotBeNull();
        page.QuerySelector("form.review-reason[action*='handler=Suspend']").Should().BeNull();
    }

    [Fact]
    public async Task Rejecting_or_suspending_without_a_reason_is_a_field_error_and_changes_nothing()
    {
        var (_, _, pending) = await app.NewApplicantAsync("No Reason Farm");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);

        using var reject = await admin.DecideAsync(pending.Id, "Reject", "  ");
        reject.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reject.ReadPageAsync()).FieldError("Reason").Should().Contain("reason");
        (await app.ShopAsync(pending.Id)).Should().Be(pending);

        using var approve = await admin.DecideAsync(pending.Id, "Approve");
        var live = await app.ShopAsync(pending.Id);
        using var suspend = await admin.DecideAsync(pending.Id, "Suspend", "");
        suspend.StatusCode.Should().Be(HttpStatusCode.OK);
        (await suspend.ReadPageAsync()).FieldError("Reason").Should().Contain("reason");
        (await app.ShopAsync(pending.Id)).Should().Be(live);
        (await app.AuditOfAsync(pending.Id)).Select(a => a.Action).Should().Equal("seller.applied", "seller.approved");
    }

    [Fact]
    public async Task Approving_an_approved_seller_or_reinstating_one_that_is_not_suspended_is_refused_and_changes_nothing()
    {
        var (_, email, shop) = await app.NewApplicantAsync("Twice Approved");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);
        // The admin keeps the page with the Approve button open, and approves from it twice.
        var stale = await admin.GetPageAsync($"/Admin/Sellers/{shop.Id}");
        using (await admin.SubmitHandlerFormAsync(stale, "form.review-approve", new Dictionary<string, string>()))
        {
        }

        var approved = await app.ShopAsync(shop.Id);
        var mails = (await app.MailToAsync(email)).Count;

        using var again = await admin.SubmitHandlerFormAsync(stale, "form.review-approve", new Dictionary<string, string>());
        using var reinstate = await admin.SubmitToAsync(stale, "form.review-approve", $"/Admin/Sellers/{shop.Id}?handler=Reinstate", new Dictionary<string, string> { ["Reason"] = "Looks fine" });

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Only sellers waiting for review can be approved.");
        reinstate.StatusCode.Should().Be(HttpStatusCode.OK);
        (await reinstate.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Only suspended sellers can be reinstated.");
        (await app.ShopAsync(shop.Id)).Should().Be(approved);
        (await app.AuditOfAsync(shop.Id)).Select(a => a.Action).Should().Equal("seller.applied", "seller.approved");
        (await app.MailToAsync(email)).Should().HaveCount(mails);
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("Reject")]
    public async Task Sellers_buyers_and_anonymous_visitors_cannot_decide_with_a_hand_made_post(string handler)
    {
        var (_, _, shop) = await app.NewApplicantAsync("Hand Made");
        var seller = await app.SignInAsync("seller@demo.ruralmarket.local");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("nosy"));
        var anonymous = app.CreateBrowser();

        foreach (var (browser, expected) in new[] { (seller, HttpStatusCode.Forbidden), (buyer, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Redirect) })
        {
            // A real antiforgery token for this browser, from a form it may see, on the admin's action.
            var signIn = await browser.GetPageAsync("/Account/SignIn");
            using var response = await browser.SubmitToAsync(signIn, "main form", $"/Admin/Sellers/{shop.Id}?handler={handler}", new Dictionary<string, string> { ["Reason"] = "Because I can" });

            response.StatusCode.Should().Be(expected);
            if (expected == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.OriginalString.Should().Contain("/Account/SignIn");
            }
        }

        (await app.ShopAsync(shop.Id)).Should().Be(shop);
        (await app.AuditOfAsync(shop.Id)).Select(a => a.Action).Should().Equal("seller.applied");
    }

    [Fact]
    public async Task A_suspended_seller_disappears_from_the_storefront_sees_the_notice_and_comes_back_when_reinstated()
    {
        var (owner, email, shop) = await app.NewApplicantAsync("Suspense Farm");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);
        using (await admin.DecideAsync(shop.Id, "Approve"))
        {
        }

        var product = await app.WithDbAsync(async db =>
        {
            var item = Domain.Catalog.Product.Create(
                shop.Id, "Suspenseful honey", null, Domain.Catalog.Category.All[0].Id, new Domain.Common.Money(900, "USD"), "jar", 10,
                Domain.Catalog.FulfilmentMethod.Pickup, false, Domain.Catalog.SeasonWindow.AllYear, app.Clock);
            item.Publish(app.Clock);
            db.Products.Add(item);
            await db.SaveChangesAsync();
            return item.Slug;
        });
        var productUrl = $"/p/{shop.Slug}/{product}";
        (await app.CreateBrowser().GetPageAsync(productUrl)).QuerySelector("h1")!.TextContent.Should().Be("Suspenseful honey");
        (await app.CreateBrowser().GetPageAsync("/search?q=suspenseful")).Text().Should().Contain("Suspenseful honey");

        using var suspended = await admin.DecideAsync(shop.Id, "Suspend", "Labels need allergen information.");
        suspended.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await app.CreateBrowser().GetPageAsync(productUrl, HttpStatusCode.NotFound);
        await app.CreateBrowser().GetPageAsync($"/s/{shop.Slug}", HttpStatusCode.NotFound);
        (await app.CreateBrowser().GetPageAsync("/search?q=suspenseful")).Text().Should().NotContain("Suspenseful honey");
        using (await owner.GetAsync(new Uri("/sell", UriKind.Relative)))
        {
        }

        var dashboard = await owner.GetPageAsync("/Seller");
        dashboard.QuerySelector(".seller-bar [role=alert]")!.TextContent.Should().Contain("suspended").And.Contain("Labels need allergen information.");
        (await app.MailToAsync(email)).Should().Contain(m => m.Subject.Contains("suspended") && m.TextBody.Contains("Labels need allergen information."));

        using var reinstated = await admin.DecideAsync(shop.Id, "Reinstate", "Labels fixed.");
        reinstated.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.CreateBrowser().GetPageAsync(productUrl)).QuerySelector("h1")!.TextContent.Should().Be("Suspenseful honey");
        (await owner.GetPageAsync("/Seller")).QuerySelector(".seller-bar [role=alert]").Should().BeNull();

        var audit = await app.AuditOfAsync(shop.Id);
        audit.Select(a => a.Action).Should().Equal("seller.applied", "seller.approved", "seller.suspended", "seller.reinstated");
        audit[2].Reason.Should().Be("Labels need allergen information.");
        audit[2].BeforeJson.Should().Contain("Approved");
        audit[2].AfterJson.Should().Contain("Suspended");
        audit[3].Reason.Should().Be("Labels fixed.");
        var history = (await admin.GetPageAsync($"/Admin/Sellers/{shop.Id}")).QuerySelectorAll(".timeline li").Select(li => li.TextContent).ToList();
        history.Should().HaveCount(3);
        history[0].Should().Contain("Suspended → Approved").And.Contain("Labels fixed.").And.Contain(SellingSteps.AdminEmail);
    }

    [Fact]
    public async Task Approval_grants_the_seller_role_in_the_same_save_as_the_status_and_the_audit()
    {
        var (_, email, shop) = await app.NewApplicantAsync("Role Farm");
        var admin = await app.SignInAsync(SellingSteps.AdminEmail);

        using (await admin.DecideAsync(shop.Id, "Approve"))
        {
        }

        var roles = await app.WithDbAsync(db =>
            (from ur in db.UserRoles
             join r in db.Roles on ur.RoleId equals r.Id
             join u in db.Users on ur.UserId equals u.Id
             where u.Email == email
             select r.Name).ToListAsync());
        roles.Should().Equal("Seller");
        (await app.ShopAsync(shop.Id)).Status.Should().Be(SellerStatus.Approved);
    }
}

public sealed class SqliteSellerReviewTests(SqliteApp app) : SellerReviewTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSellerReviewTests(PostgresApp app) : SellerReviewTests(app), IClassFixture<PostgresApp>;
