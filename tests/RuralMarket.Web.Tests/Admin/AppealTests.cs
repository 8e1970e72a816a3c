using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Trust;
using RuralMarket.Web.Tests.Discover;
using RuralMarket.Web.Tests.SellerProducts;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

/// <summary>A seller whose listing was taken down fixes it and appeals once; a moderator restores it or keeps it hidden.</summary>
public abstract class AppealTests(AppFactory app)
{
    private const string DetailsForm = "section[aria-labelledby=details] form";

    private async Task HideAsync(ReportTarget target, Guid id, string reason)
    {
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("reporter"));
        using (var reported = await buyer.ReportAsync(target.ToString().ToLowerInvariant(), id, ReportReason.Misleading, "Not what it shows."))
        {
            reported.ShouldRedirect();
        }

        var admin = await app.SignInAsAdminAsync();
        using var hidden = await admin.ModerateAsync(target, id, "mod-hide", reason);
        hidden.ShouldRedirect();
    }

    [Fact]
    public async Task A_seller_fixes_a_hidden_product_and_appeals_once_and_a_moderator_keeps_it_hidden_with_a_reason()
    {
        var seller = await app.SellerAsync("Appeal Farm");
        var product = await app.CreateProductAsync(seller.Shop, "Raw honey (stock photo)", 900, 10);
        await HideAsync(ReportTarget.Product, product.Id, "The photos are stock images, not your honey.");

        var edit = await seller.EditPageAsync(product.Id);
        edit.QuerySelector(".notice-inline")!.TextContent.Should().Contain("The photos are stock images, not your honey.").And.Contain("You can appeal once");
        edit.QuerySelector("fieldset.appeal").Should().NotBeNull();

        // No note: nothing is written, the field says why.
        var before = await app.ProductAsync(product.Id);
        using (var noNote = await seller.SubmitProductFormAsync(edit, new() { ["Input.Title"] = "Raw honey", ["AppealNote"] = " ", ["appeal"] = "true" }))
        {
            noNote.StatusCode.Should().Be(HttpStatusCode.OK);
            (await noNote.ReadPageAsync()).FieldError("AppealNote").Should().Be("A note for the moderator is required.");
        }

        var unchanged = await app.ProductAsync(product.Id);
        unchanged.Title.Should().Be("Raw honey (stock photo)");
        unchanged.Appeal.Should().Be(AppealStatus.None);
        unchanged.Version.Should().Be(before.Version);

        // Another seller cannot appeal it.
        var stranger = await app.SellerAsync("Stranger Farm");
        using (var foreign = await stranger.PostAsync($"/Seller/Products/{product.Id}", new(SellerProductSteps.ProductFields()) { ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["AppealNote"] = "Mine now", ["appeal"] = "true" }))
        {
            foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        // The fix and the appeal go in one save.
        using (var appealed = await seller.SubmitProductFormAsync(edit, new() { ["Input.Title"] = "Raw honey", ["AppealNote"] = "New photos of our own jars <script>alert(1)</script>", ["appeal"] = "true" }))
        {
            appealed.StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await seller.FlashAsync(appealed)).Should().Contain("a moderator has been asked to review it");
        }

        var pending = await app.ProductAsync(product.Id);
        pending.Title.Should().Be("Raw honey");
        pending.Appeal.Should().Be(AppealStatus.Pending);
        pending.AppealNote.Should().Be("New photos of our own jars <script>alert(1)</script>");
        pending.Moderation.Should().Be(ModerationState.Hidden);
        await app.CreateBrowser().GetPageAsync($"/p/{seller.Shop.Slug}/{product.Slug}", HttpStatusCode.NotFound);

        // Once only: the form is gone and a hand-made second appeal changes nothing.
        edit = await seller.EditPageAsync(product.Id);
        edit.QuerySelector("fieldset.appeal").Should().BeNull();
        edit.QuerySelector(".notice-inline")!.TextContent.Should().Contain("You asked for a review");
        using (var again = await seller.SubmitProductFormAsync(edit, new() { ["AppealNote"] = "Please look again", ["appeal"] = "true" }))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await again.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("already asked for a review");
        }

        (await app.ProductAsync(product.Id)).Version.Should().Be(pending.Version);

        // The moderator sees the appeal, with the note as text, and the listing as the seller left it.
        var admin = await app.SignInAsAdminAsync();
        var dashboard = await admin.GetPageAsync("/Admin");
        dashboard.QuerySelector("a[href='/Admin/Moderation#appeals']")!.TextContent.Should().MatchRegex(@"\d+ appeals? waiting");
        var queue = await admin.GetPageAsync("/Admin/Moderation");
        var item = queue.AppealItem(ReportTarget.Product, product.Id)!;
        item.TextContent.Should().Contain("Raw honey").And.Contain("The photos are stock images, not your honey.");
        item.QuerySelector("q.mod-details")!.TextContent.Should().Be("New photos of our own jars <script>alert(1)</script>");
        item.QuerySelector("script").Should().BeNull();
        var review = await admin.GetPageAsync($"/Admin/Moderation/Review/Product/{product.Id}");
        review.QuerySelector("h1")!.TextContent.Should().Contain("Raw honey");
        review.QuerySelector("blockquote")!.TextContent.Should().Be("New photos of our own jars <script>alert(1)</script>");
        review.QuerySelector("form.mod-keep-hidden").Should().NotBeNull();

        // Keeping it hidden needs a reason the seller can read.
        using (var noReason = await admin.DecideAppealAsync(ReportTarget.Product, product.Id, "mod-keep-hidden", "  "))
        {
            noReason.StatusCode.Should().Be(HttpStatusCode.OK);
            (await noReason.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("Write why it stays hidden");
        }

        (await app.ProductAsync(product.Id)).Appeal.Should().Be(AppealStatus.Pending);
        using (var kept = await admin.DecideAppealAsync(ReportTarget.Product, product.Id, "mod-keep-hidden", "The new photos are from a supplier's website."))
        {
            kept.ShouldRedirect();
        }

        var refused = await app.ProductAsync(product.Id);
        refused.Appeal.Should().Be(AppealStatus.Refused);
        refused.Moderation.Should().Be(ModerationState.Hidden);
        refused.HiddenReason.Should().Be("The new photos are from a supplier's website.");
        var audit = (await app.AuditAboutAsync(product.Id.ToString())).Should().HaveCount(2).And.Subject.Last();
        audit.Action.Should().Be("product.appeal_refused");
        audit.BeforeJson.Should().Contain("\"Pending\"").And.Contain("New photos of our own jars");
        audit.AfterJson.Should().Contain("\"Refused\"").And.Contain("supplier");
        (await app.MailToAsync(seller.Shop.OwnerEmail)).Should().Contain(m => m.Subject.Contains("stays hidden") && m.TextBody.Contains("supplier's website"));
        (await admin.GetPageAsync("/Admin/Moderation")).AppealItem(ReportTarget.Product, product.Id).Should().BeNull();

        // The seller sees why, and cannot appeal again.
        edit = await seller.EditPageAsync(product.Id);
        edit.QuerySelector(".notice-inline")!.TextContent.Should().Contain("supplier's website").And.Contain("used your one appeal");
        edit.QuerySelector("fieldset.appeal").Should().BeNull();
        using (var third = await seller.SubmitProductFormAsync(edit, new() { ["AppealNote"] = "Really, please", ["appeal"] = "true" }))
        {
            (await third.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("already appealed once");
        }

        (await app.ProductAsync(product.Id)).Appeal.Should().Be(AppealStatus.Refused);
    }

    [Fact]
    public async Task A_seller_appeals_a_hidden_video_and_a_moderator_restores_it_to_the_storefront()
    {
        var seller = await app.SellerAsync("Appeal Video Farm");
        var product = await app.CreateProductAsync(seller.Shop, "Goat milk soap", 700, 5);
        await app.PublishVideoAsync(seller.Shop.Slug, product.Slug, "Making soap");
        var videoId = await app.WithDbAsync(db => db.Videos.Where(v => v.SellerId == seller.Shop.Id).Select(v => v.Id).SingleAsync());
        await HideAsync(ReportTarget.Video, videoId, "The title promises a recipe the video does not show.");

        var page = await seller.Browser.GetPageAsync($"/Seller/Videos/{videoId}");
        page.QuerySelector(".notice-inline")!.TextContent.Should().Contain("The title promises a recipe");
        using (var appealed = await seller.SubmitFormAsync(page, DetailsForm, new()
        {
            ["Details.Title"] = "Cutting soap bars",
            ["AppealNote"] = "Renamed it to what the video shows.",
            ["appeal"] = "true",
        }))
        {
            appealed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var video = await app.WithDbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId));
        video.Title.Should().Be("Cutting soap bars");
        video.Appeal.Should().Be(AppealStatus.Pending);
        video.IsVisibleInStorefront.Should().BeFalse();

        // A second, hand-made appeal is refused where the seller can read it, and changes nothing.
        page = await seller.Browser.GetPageAsync($"/Seller/Videos/{videoId}");
        page.QuerySelector("fieldset.appeal").Should().BeNull();
        using (var again = await seller.SubmitFormAsync(page, DetailsForm, new() { ["Details.Title"] = "Renamed again", ["AppealNote"] = "Please", ["appeal"] = "true" }))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await again.ReadPageAsync()).QuerySelector("section[aria-labelledby=details] .error")!.TextContent.Should().Contain("already asked for a review").And.Contain("Nothing was saved.");
        }

        (await app.WithDbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId))).Title.Should().Be("Cutting soap bars");

        var admin = await app.SignInAsAdminAsync();
        var review = await admin.GetPageAsync($"/Admin/Moderation/Review/Video/{videoId}");
        review.QuerySelector("video")!.GetAttribute("src").Should().Be("/media/videos/test/fallback.mp4");
        review.Body!.TextContent.Should().Contain("Goat milk soap");
        using (var restored = await admin.DecideAppealAsync(ReportTarget.Video, videoId, "mod-restore"))
        {
            restored.ShouldRedirect();
        }

        video = await app.WithDbAsync(db => db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId));
        video.IsVisibleInStorefront.Should().BeTrue();
        video.Appeal.Should().Be(AppealStatus.None);
        video.AppealNote.Should().BeNull();
        (await app.AuditAboutAsync(videoId.ToString())).Select(a => a.Action).Should().Equal("video.hidden", "video.restored");
        (await app.MailToAsync(seller.Shop.OwnerEmail)).Should().Contain(m => m.Subject.Contains("is visible again"));
        await app.CreateBrowser().GetPageAsync($"/v/{videoId}");
    }
}

public sealed class SqliteAppealTests(SqliteApp app) : AppealTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAppealTests(PostgresApp app) : AppealTests(app), IClassFixture<PostgresApp>;
