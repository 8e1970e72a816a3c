using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Ordering;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Settings;
using RuralMarket.Web.Tests.SellerOrders;
using RuralMarket.Web.Tests.Sellers;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Admin;

public abstract class AdminConsoleTests(AppFactory app)
{
    public static readonly string[] Pages = ["/Admin", "/Admin/Moderation", "/Admin/Orders", "/Admin/Orders/RM-000001", "/Admin/Audit", "/Admin/Audit?handler=Csv", "/Admin/Jobs", "/Admin/Settings",
        "/Admin/Moderation/Review/Product/00000000-0000-0000-0000-000000000001",
    ];

    public static readonly string[] Posts =
    [
        "/Admin/Moderation?handler=Hide", "/Admin/Moderation?handler=Restore", "/Admin/Moderation?handler=KeepHidden", "/Admin/Moderation?handler=Dismiss", "/Admin/Moderation?handler=Suspend",
        "/Admin/Orders/RM-000001?handler=Cancel", "/Admin/Jobs?handler=Retry&id=00000000-0000-0000-0000-000000000001",
        "/Admin/Jobs?handler=Discard&id=00000000-0000-0000-0000-000000000001", "/Admin/Settings", "/Admin/Audit",
    ];

    [Fact]
    public async Task An_admin_reaches_every_console_page()
    {
        var admin = await app.SignInAsAdminAsync();
        // The order and the listing under review are examples that do not exist: the admin gets 404 there, everyone else is kept out first.
        foreach (var url in Pages.Where(p => !p.Contains("RM-", StringComparison.Ordinal) && !p.Contains("/Review/", StringComparison.Ordinal)))
        {
            using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        }

        var dashboard = await admin.GetPageAsync("/Admin");
        dashboard.QuerySelectorAll(".dashboard a").Select(a => a.GetAttribute("href")).Should().Contain(["/Admin/Sellers", "/Admin/Moderation", "/Admin/Orders", "/Admin/Jobs"]);
        dashboard.QuerySelectorAll("nav[aria-label=Admin] a").Select(a => a.GetAttribute("href")).Should().Contain(["/Admin/Audit", "/Admin/Settings", "/Admin/Sellers"]);
    }

    [Fact]
    public async Task Sellers_and_buyers_get_403_and_anonymous_visitors_are_sent_to_sign_in_on_every_page_and_hand_made_post()
    {
        var seller = await app.SignInAsync("seller@demo.ruralmarket.local");
        var buyer = await app.SignInAsync(SellingSteps.NewEmail("nosy"));
        var anonymous = app.CreateBrowser();
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        var settings = await app.WithDbAsync(db => db.PlatformSettings.CountAsync());

        foreach (var (browser, expected) in new[] { (seller, HttpStatusCode.Forbidden), (buyer, HttpStatusCode.Forbidden), (anonymous, HttpStatusCode.Redirect) })
        {
            foreach (var url in Pages)
            {
                using var response = await browser.GetAsync(new Uri(url, UriKind.Relative));
                response.StatusCode.Should().Be(expected, url);
            }

            // A real antiforgery token for this browser, from a form it may see, sent to each admin action.
            var signIn = await browser.GetPageAsync("/Account/SignIn");
            foreach (var url in Posts)
            {
                using var response = await browser.SubmitToAsync(signIn, "main form", url, new Dictionary<string, string>
                {
                    ["Input.Target"] = "Product", ["Input.TargetId"] = Guid.NewGuid().ToString(), ["Input.Reason"] = "Because I can",
                    ["Reason"] = "Because I can", ["Input.DefaultCommissionBasisPoints"] = "0",
                });
                response.StatusCode.Should().Be(expected, url);
                if (expected == HttpStatusCode.Redirect)
                {
                    response.Headers.Location!.OriginalString.Should().Contain("/Account/SignIn");
                }
            }
        }

        (await app.WithDbAsync(db => db.AuditEntries.CountAsync())).Should().Be(audit);
        (await app.WithDbAsync(db => db.PlatformSettings.CountAsync())).Should().Be(settings);
    }

    [Theory]
    [InlineData("DefaultCommissionBasisPoints", "5001", "between 0 and 5000 basis points")]
    [InlineData("DefaultCommissionBasisPoints", "-1", "between 0 and 5000 basis points")]
    [InlineData("ReminderAfterHours", "0", "positive number of hours")]
    [InlineData("AutoCancelAfterHours", "-5", "positive number of hours")]
    [InlineData("AutoCompleteAfterHours", "0", "positive number of hours")]
    [InlineData("PayoutHoldHours", "-1", "positive number of hours")]
    [InlineData("VideoMaxDurationSeconds", "0", "between 5 seconds and 1 hour")]
    public async Task Settings_outside_their_bounds_get_a_clear_message_and_nothing_is_written(string field, string value, string message)
    {
        var admin = await app.SignInAsAdminAsync();
        var rows = await app.WithDbAsync(db => db.PlatformSettings.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Key + "=" + s.Value).ToListAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "settings.changed"));
        var page = await admin.GetPageAsync("/Admin/Settings");

        using var response = await admin.SubmitAsync(page, "form.settings-form", new Dictionary<string, string> { [$"Input.{field}"] = value });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadPageAsync()).FieldError($"Input.{field}").Should().Contain(message);
        (await app.WithDbAsync(db => db.PlatformSettings.AsNoTracking().OrderBy(s => s.Key).Select(s => s.Key + "=" + s.Value).ToListAsync())).Should().Equal(rows);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "settings.changed"))).Should().Be(audit);
    }

    [Fact]
    public async Task A_settings_change_is_audited_with_before_and_after_and_applies_without_a_restart()
    {
        var admin = await app.SignInAsAdminAsync();
        var before = await CurrentSettingsAsync();
        var page = await admin.GetPageAsync("/Admin/Settings");

        using var response = await admin.SubmitAsync(page, "form.settings-form", new Dictionary<string, string>
        {
            ["Input.DefaultCommissionBasisPoints"] = before.DefaultCommissionBasisPoints == 1250 ? "1300" : "1250",
            ["Input.AutoCompleteAfterHours"] = "36",
        });

        response.ShouldRedirect();
        var after = await CurrentSettingsAsync();
        after.DefaultCommissionBasisPoints.Should().Be(before.DefaultCommissionBasisPoints == 1250 ? 1300 : 1250);
        after.AutoCompleteAfter.Should().Be(TimeSpan.FromHours(36));
        var entry = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "settings.changed").OrderByDescending(a => a.At).ThenByDescending(a => a.Id).FirstAsync());
        entry.BeforeJson.Should().Contain(before.DefaultCommissionBasisPoints.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.AfterJson.Should().Contain(after.DefaultCommissionBasisPoints.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("1.12:00:00");
        var percent = (after.DefaultCommissionBasisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        (await (await app.SignInAsync(SellingSteps.NewEmail("applicant"))).GetPageAsync("/sell/apply")).Text().Should().Contain(percent + " %");
    }

    [Fact]
    public async Task The_audit_log_filters_exports_a_guarded_utf8_csv_and_cannot_be_edited_or_deleted()
    {
        var (_, _, shop) = await app.NewApplicantAsync("=HYPERLINK(\"x\") Ünïcode");
        var admin = await app.SignInAsAdminAsync();
        var target = shop.Id.ToString();

        var page = await admin.GetPageAsync($"/Admin/Audit?Filter.Target={target}");
        page.QuerySelectorAll(".audit-table tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("seller.applied");

        using var csv = await admin.GetAsync(new Uri($"/Admin/Audit?handler=Csv&Filter.Target={target}", UriKind.Relative));
        csv.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("at_utc,actor_email,actor_user_id,action,target_type,target_id,reason,before,after");
        lines.Should().HaveCount(2);
        lines[1].Should().Contain(",seller.applied,Seller," + target);

        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id + a.Action + a.Reason).ToListAsync());
        var form = await admin.GetPageAsync("/Admin/Settings");
        foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Patch })
        {
            foreach (var url in new[] { "/Admin/Audit", "/Admin/Audit?handler=Delete", "/Admin/Audit?handler=Edit", $"/Admin/Audit/{target}" })
            {
                using var request = new HttpRequestMessage(method, new Uri(admin.BaseAddress!, url))
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = form.QuerySelector("form.settings-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
                        ["Id"] = target, ["Reason"] = "rewritten",
                    }),
                };
                using var response = await admin.SendAsync(request);
                ((int)response.StatusCode).Should().BeOneOf([200, 400, 404, 405], $"{method} {url}");
            }
        }

        (await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id + a.Action + a.Reason).ToListAsync())).Should().Equal(entries);
    }

    [Fact]
    public async Task A_dead_job_retried_from_the_console_runs_once()
    {
        var subject = "Dead letter " + Guid.NewGuid().ToString("N")[..8];
        var jobId = await app.WithDbAsync(async db =>
        {
            var job = db.Jobs.Enqueue(new SendEmail("someone@example.com", subject, "Hello"), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            // As if every attempt had failed while the mail server was down.
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, JobStatus.Dead).SetProperty(j => j.Attempts, 8).SetProperty(j => j.LastError, "SMTP: connection refused"));
            return job.Id;
        });
        var admin = await app.SignInAsAdminAsync();
        var page = await admin.GetPageAsync("/Admin/Jobs");
        page.QuerySelector($"#job-{jobId:N}")!.TextContent.Should().Contain("SMTP: connection refused");

        using (var retried = await admin.SubmitHandlerFormAsync(page, $"#job-{jobId:N} form.job-retry", new Dictionary<string, string>()))
        {
            retried.ShouldRedirect();
        }

        // The stale page's button pressed again: the job is no longer dead.
        using (var again = await admin.SubmitHandlerFormAsync(page, $"#job-{jobId:N} form.job-retry", new Dictionary<string, string>()))
        {
            again.StatusCode.Should().Be(HttpStatusCode.OK);
            (await again.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent.Should().Contain("only dead jobs");
        }

        await app.RunJobsAsync();
        await app.RunJobsAsync();

        (await app.SentMailAsync()).Count(m => m.Subject == subject).Should().Be(1);
        (await app.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId))).Status.Should().Be(JobStatus.Succeeded);
        (await app.AuditAboutAsync(jobId.ToString())).Select(a => a.Action).Should().Equal("job.retried");
        (await admin.GetPageAsync("/Admin/Jobs")).QuerySelector($"#job-{jobId:N}").Should().BeNull();
    }

    [Fact]
    public async Task An_admin_finds_an_order_by_number_buyer_or_seller_and_cancels_it_with_a_reason()
    {
        var order = await app.PaidOrderAsync(FulfilmentMethod.Shipping);
        var admin = await app.SignInAsAdminAsync();
        foreach (var query in new[] { order.DisplayNumber, order.Buyer.Email, order.Seller.Name })
        {
            (await admin.GetPageAsync("/Admin/Orders?q=" + Uri.EscapeDataString(query))).QuerySelectorAll(".order-number").Select(a => a.TextContent)
                .Should().Contain(order.DisplayNumber, query);
        }

        var detail = await admin.GetPageAsync($"/Admin/Orders/{order.DisplayNumber}");
        detail.QuerySelector("a[href$='/Refund']")!.GetAttribute("href").Should().Be($"/Admin/Orders/{order.DisplayNumber}/Refund");
        detail.QuerySelector(".order-timeline")!.TextContent.Should().Contain("Awaiting payment → Paid");

        using (var noReason = await admin.SubmitHandlerFormAsync(detail, "form.order-cancel", new Dictionary<string, string> { ["Reason"] = " " }))
        {
            noReason.StatusCode.Should().Be(HttpStatusCode.OK);
            (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Paid);
        }

        using (var cancelled = await admin.SubmitHandlerFormAsync(detail, "form.order-cancel", new Dictionary<string, string> { ["Reason"] = "Seller cannot be reached." }))
        {
            cancelled.ShouldRedirect();
        }

        (await app.OrderAsync(order)).Status.Should().Be(OrderStatus.Cancelled);
        var audit = await app.AuditAboutAsync(order.DisplayNumber);
        audit.Select(a => a.Action).Should().Contain("order.cancelled");
        var cancel = audit.Single(a => a.Action == "order.cancelled");
        cancel.BeforeJson.Should().Contain("Paid");
        cancel.AfterJson.Should().Contain("Cancelled");
        (await SellingSteps.MailToAsync(app, order.Buyer.Email)).Should().Contain(m => m.TextBody.Contains("RuralMarket cancelled your order") && m.TextBody.Contains("Seller cannot be reached."));
        (await admin.GetPageAsync($"/Admin/Orders/{order.DisplayNumber}")).QuerySelector(".order-refunded")!.TextContent.Should().NotStartWith("$0.00");
    }

    private async Task<PlatformSettingsSnapshot> CurrentSettingsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformSettings>().CurrentAsync(CancellationToken.None);
    }
}

public sealed class SqliteAdminConsoleTests(SqliteApp app) : AdminConsoleTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAdminConsoleTests(PostgresApp app) : AdminConsoleTests(app), IClassFixture<PostgresApp>;
