using System.Net;
using RuralMarket.Domain.Trust;
using RuralMarket.Web.Tests.Admin;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Reports;

public abstract class ReportTests(AppFactory app)
{
    [Fact]
    public async Task The_product_and_seller_pages_link_to_the_report_form()
    {
        var seller = await app.CreateSellerAsync("Linked Farm");
        var product = await app.CreateProductAsync(seller, "Duck eggs", 800, 5);

        (await app.CreateBrowser().GetPageAsync($"/p/{seller.Slug}/{product.Slug}")).QuerySelector(".report-link a")!.GetAttribute("href")
            .Should().Be($"/report?target=product&id={product.Id}");
        (await app.CreateBrowser().GetPageAsync($"/s/{seller.Slug}")).QuerySelector(".report-link a")!.GetAttribute("href")
            .Should().Be($"/report?target=seller&id={seller.Id}");
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_first()
    {
        using var response = await app.CreateBrowser().GetAsync(new Uri("/report?target=product&id=" + Guid.NewGuid(), UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Contain("/Account/SignIn");
    }

    [Fact]
    public async Task Reporting_something_that_does_not_exist_says_so_and_writes_nothing()
    {
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("ghost"));
        var missing = Guid.NewGuid();

        var page = await buyer.GetPageAsync($"/report?target=product&id={missing}", HttpStatusCode.NotFound);
        page.QuerySelector("[role=alert]")!.TextContent.Should().Contain("We could not find that product");
        page.QuerySelector("form.report").Should().BeNull();

        // A hand-made post with a real token for a target that does not exist.
        var seller = await app.CreateSellerAsync("Real Farm");
        var form = await buyer.GetPageAsync($"/report?target=seller&id={seller.Id}");
        using var posted = await buyer.SubmitAsync(form, "form.report", new Dictionary<string, string> { ["target"] = "video", ["id"] = missing.ToString(), ["Input.Reason"] = "Offensive" });
        posted.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await posted.ReadPageAsync()).QuerySelector("[role=alert]")!.TextContent.Should().Contain("We could not find that video");

        (await app.ReportsAboutAsync(missing)).Should().BeEmpty();
        (await app.ReportsAboutAsync(seller.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_second_report_of_the_same_thing_is_refused_kindly_and_only_one_is_stored()
    {
        var seller = await app.CreateSellerAsync("Twice Reported");
        var product = await app.CreateProductAsync(seller, "Mystery meat", 1500, 5);
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("twice"));
        var form = await buyer.GetPageAsync($"/report?target=product&id={product.Id}");
        using (var first = await buyer.SubmitAsync(form, "form.report", new Dictionary<string, string> { ["Input.Reason"] = "UnsafeFood" }))
        {
            first.ShouldRedirect($"/p/{seller.Slug}/{product.Slug}");
        }

        // The same form sent again (a second tab), then the page opened again.
        using var again = await buyer.SubmitAsync(form, "form.report", new Dictionary<string, string> { ["Input.Reason"] = "Misleading" });
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ReadPageAsync()).Text().Should().Contain("You have already reported this; we are looking at it");
        (await buyer.GetPageAsync($"/report?target=product&id={product.Id}")).Text().Should().Contain("You have already reported this; we are looking at it");

        (await app.ReportsAboutAsync(product.Id)).Should().ContainSingle().Which.Reason.Should().Be(ReportReason.UnsafeFood);
    }

    [Fact]
    public async Task Other_needs_a_description_and_script_in_it_is_stored_and_shown_as_text()
    {
        var seller = await app.CreateSellerAsync("Scripted Farm");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("scripter"));

        using (var empty = await buyer.ReportAsync("seller", seller.Id, ReportReason.Other, "  "))
        {
            empty.StatusCode.Should().Be(HttpStatusCode.OK);
            (await empty.ReadPageAsync()).FieldError("Input.Details").Should().Be("Tell us what is wrong.");
        }

        (await app.ReportsAboutAsync(seller.Id)).Should().BeEmpty();

        const string script = "<script>alert('x')</script> sells stolen goods";
        using (var filed = await buyer.ReportAsync("seller", seller.Id, ReportReason.Other, script))
        {
            filed.ShouldRedirect();
        }

        (await app.ReportsAboutAsync(seller.Id)).Should().ContainSingle().Which.Details.Should().Be(script);
        var admin = await app.SignInAsAdminAsync();
        using var queue = await admin.GetAsync(new Uri("/Admin/Moderation", UriKind.Relative));
        var html = await queue.Content.ReadAsStringAsync();
        html.Should().Contain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; sells stolen goods").And.NotContain("<script>alert");
    }

    [Fact]
    public async Task Report_posts_are_rate_limited_per_person()
    {
        var seller = await app.CreateSellerAsync("Flooded Farm");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("flooder"));
        var form = await buyer.GetPageAsync($"/report?target=seller&id={seller.Id}");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var response = await buyer.SubmitAsync(form, "form.report", new Dictionary<string, string> { ["Input.Reason"] = "Misleading" });
            statuses.Add(response.StatusCode);
        }

        statuses[0].Should().Be(HttpStatusCode.Redirect);
        statuses.Skip(1).Take(9).Should().OnlyContain(s => s == HttpStatusCode.Conflict);
        statuses[10].Should().Be(HttpStatusCode.TooManyRequests);
        (await app.ReportsAboutAsync(seller.Id)).Should().ContainSingle();
    }
}

public sealed class SqliteReportTests(SqliteApp app) : ReportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReportTests(PostgresApp app) : ReportTests(app), IClassFixture<PostgresApp>;
