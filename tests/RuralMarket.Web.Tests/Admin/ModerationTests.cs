using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Domain.Trust;
using RuralMarket.Web.Tests.Cart;
using RuralMarket.Web.Tests.Discover;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

public abstract class ModerationTests(AppFactory app)
{
    private static string Token() => "zq" + Guid.NewGuid().ToString("N")[..8];

    private static List<string> SearchTitles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".grid .card-title").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task A_reported_product_hidden_by_a_moderator_leaves_search_its_page_and_carts_at_once_and_comes_back_when_restored()
    {
        var token = Token();
        var seller = await app.CreateSellerAsync("Moderated Farm");
        var product = await app.CreateProductAsync(seller, $"Clover honey {token}", 900, 20);
        var productUrl = $"/p/{seller.Slug}/{product.Slug}";
        var visitor = app.CreateBrowser();
        // The anonymous pages are now in the storefront's output cache.
        await visitor.GetPageAsync(productUrl);
        SearchTitles(await visitor.GetPageAsync($"/search?q={token}")).Should().Equal(product.Title);
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("reporter"));
        await buyer.AddedAsync(product);

        using (var reported = await buyer.ReportAsync("product", product.Id, ReportReason.Counterfeit, "This is syrup, not honey."))
        {
            reported.ShouldRedirect(productUrl);
        }

        var admin = await app.SignInAsAdminAsync();
        var queue = await admin.GetPageAsync("/Admin/Moderation");
        var item = queue.QueueItem(ReportTarget.Product, product.Id)!;
        item.TextContent.Should().Contain(product.Title).And.Contain("1 open report").And.Contain("Counterfeit").And.Contain("This is syrup, not honey.");

        using (var hidden = await admin.ModerateAsync(ReportTarget.Product, product.Id, "mod-hide", "Sold as honey but it is syrup."))
        {
            hidden.ShouldRedirect();
        }

        await visitor.GetPageAsync(productUrl, HttpStatusCode.NotFound);
        SearchTitles(await visitor.GetPageAsync($"/search?q={token}")).Should().BeEmpty();
        (await buyer.GetPageAsync("/cart")).Line(product).TextContent.Should().Contain("No longer available");
        (await app.ReportsAboutAsync(product.Id)).Select(r => r.Status).Should().Equal(ReportStatus.Actioned);
        var audit = (await app.AuditAboutAsync(product.Id.ToString())).Should().ContainSingle().Subject;
        audit.Action.Should().Be("product.hidden");
        audit.Reason.Should().Be("Sold as honey but it is syrup.");
        audit.BeforeJson.Should().Contain("\"Visible\"");
        audit.AfterJson.Should().Contain("\"Hidden\"").And.Contain("Sold as honey but it is syrup.");
        (await app.MailToAsync(seller.OwnerEmail)).Should().Contain(m => m.Subject.Contains("was hidden by a moderator") && m.TextBody.Contains("How to appeal"));
        (await admin.GetPageAsync("/Admin/Moderation")).QueueItem(ReportTarget.Product, product.Id).Should().BeNull();

        using (var restored = await admin.RestoreAsync(product.Id))
        {
            restored.ShouldRedirect();
        }

        await visitor.GetPageAsync(productUrl);
        SearchTitles(await visitor.GetPageAsync($"/search?q={token}")).Should().Equal(product.Title);
        (await buyer.GetPageAsync("/cart")).Line(product).TextContent.Should().NotContain("No longer available");
        (await app.AuditAboutAsync(product.Id.ToString())).Select(a => a.Action).Should().Equal("product.hidden", "product.restored");
    }

    [Fact]
    public async Task A_reported_video_is_hidden_and_restored_through_the_domain()
    {
        var seller = await app.CreateSellerAsync("Video Farm");
        var product = await app.CreateProductAsync(seller, "Goat cheese", 1200, 5);
        await app.PublishVideoAsync(seller.Slug, product.Slug, "Milking time");
        var videoId = await app.WithDbAsync(db => db.Videos.Where(v => v.SellerId == seller.Id).Select(v => v.Id).SingleAsync());
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("viewer"));
        using (var reported = await buyer.ReportAsync("video", videoId, ReportReason.Offensive, "Rude words at 0:10."))
        {
            reported.ShouldRedirect();
        }

        var admin = await app.SignInAsAdminAsync();
        using (var hidden = await admin.ModerateAsync(ReportTarget.Video, videoId, "mod-hide", "Language."))
        {
            hidden.ShouldRedirect();
        }

        var video = await app.WithDbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId));
        video.Moderation.Should().Be(ModerationState.Hidden);
        video.HiddenReason.Should().Be("Language.");
        video.IsVisibleInStorefront.Should().BeFalse();
        (await app.ReportsAboutAsync(videoId)).Select(r => r.Status).Should().Equal(ReportStatus.Actioned);

        using (var restored = await admin.RestoreAsync(videoId))
        {
            restored.ShouldRedirect();
        }

        (await app.WithDbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId))).IsVisibleInStorefront.Should().BeTrue();
        (await app.AuditAboutAsync(videoId.ToString())).Select(a => a.Action).Should().Equal("video.hidden", "video.restored");
    }

    [Fact]
    public async Task Several_reports_about_one_target_are_grouped_with_their_count_and_dismissed_together()
    {
        var seller = await app.CreateSellerAsync("Grouped Farm");
        var product = await app.CreateProductAsync(seller, "Plum jam", 700, 5);
        foreach (var (who, reason) in new[] { ("one", ReportReason.Misleading), ("two", ReportReason.Misleading), ("three", ReportReason.UnsafeFood) })
        {
            var buyer = await app.SignInAsync(SellingSteps.NewEmail(who));
            using var response = await buyer.ReportAsync("product", product.Id, reason);
            response.ShouldRedirect();
        }

        var admin = await app.SignInAsAdminAsync();
        var item = (await admin.GetPageAsync("/Admin/Moderation")).QueueItem(ReportTarget.Product, product.Id)!;
        item.QuerySelector(".mod-count")!.TextContent.Should().Be("3 open reports");
        item.QuerySelectorAll(".mod-reasons .badge").Select(b => b.TextContent).Should().Equal("Misleading description or photos × 2", "Unsafe food × 1");

        using (var dismissed = await admin.ModerateAsync(ReportTarget.Product, product.Id, "mod-dismiss", "Jam looks fine."))
        {
            dismissed.ShouldRedirect();
        }

        (await app.ReportsAboutAsync(product.Id)).Select(r => r.Status).Should().Equal(ReportStatus.Dismissed, ReportStatus.Dismissed, ReportStatus.Dismissed);
        (await app.AuditAboutAsync(product.Id.ToString())).Select(a => a.Action).Should().Equal("reports.dismissed");
        (await app.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id))).Moderation.Should().Be(ModerationState.Visible);
    }

    [Fact]
    public async Task Suspending_a_reported_seller_actions_the_reports_audits_and_emails_the_seller()
    {
        var seller = await app.CreateSellerAsync("Suspended From Queue");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("suspicious"));
        using (var reported = await buyer.ReportAsync("seller", seller.Id, ReportReason.Other, "Never ships anything."))
        {
            reported.ShouldRedirect($"/s/{seller.Slug}");
        }

        var admin = await app.SignInAsAdminAsync();
        using (var missingReason = await admin.ModerateAsync(ReportTarget.Seller, seller.Id, "mod-suspend", " "))
        {
            missingReason.StatusCode.Should().Be(HttpStatusCode.OK);
            (await missingReason.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("reason");
        }

        (await app.ReportsAboutAsync(seller.Id)).Select(r => r.Status).Should().Equal(ReportStatus.Open);

        using (var suspended = await admin.ModerateAsync(ReportTarget.Seller, seller.Id, "mod-suspend", "Takes money and never ships."))
        {
            suspended.ShouldRedirect();
        }

        (await app.WithDbAsync(db => db.Sellers.AsNoTracking().SingleAsync(s => s.Id == seller.Id))).Status.Should().Be(SellerStatus.Suspended);
        (await app.ReportsAboutAsync(seller.Id)).Select(r => r.Status).Should().Equal(ReportStatus.Actioned);
        (await app.AuditAboutAsync(seller.Id.ToString())).Select(a => a.Action).Should().Equal("seller.suspended");
        (await app.MailToAsync(seller.OwnerEmail)).Should().Contain(m => m.TextBody.Contains("Takes money and never ships."));
        await app.CreateBrowser().GetPageAsync($"/s/{seller.Slug}", HttpStatusCode.NotFound);
    }
}

public sealed class SqliteModerationTests(SqliteApp app) : ModerationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresModerationTests(PostgresApp app) : ModerationTests(app), IClassFixture<PostgresApp>;
