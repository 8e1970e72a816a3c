using System.Net;
using RuralMarket.Web.Tests.Admin;
using RuralMarket.Web.Tests.SellerProducts;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.VideoUpload;

/// <summary>The upload limits an admin sets in /Admin/Settings apply to new uploads at once, without a restart.</summary>
public abstract class UploadLimitSettingsTests(VideoUploadApp app)
{
    [Fact]
    public async Task A_lower_size_limit_set_by_an_admin_refuses_a_larger_upload_at_once()
    {
        var seller = await app.SellerAsync("Small Files Farm");
        using (var allowed = await seller.Browser.CreateAsync(2 * 1024 * 1024))
        {
            allowed.StatusCode.Should().Be(HttpStatusCode.Created, "2 MB is under the configured 4 MB");
        }

        var admin = await app.SignInAsAdminAsync();
        var page = await admin.GetPageAsync("/Admin/Settings");
        using (var saved = await admin.SubmitAsync(page, "form.settings-form", new Dictionary<string, string> { ["Input.VideoMaxUploadMegabytes"] = "1" }))
        {
            saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var refused = await seller.Browser.CreateAsync(2 * 1024 * 1024);

        refused.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("videos can be at most 1 MB");
    }
}

public sealed class SqliteUploadLimitSettingsTests(SqliteVideoUploadApp app) : UploadLimitSettingsTests(app), IClassFixture<SqliteVideoUploadApp>;

public sealed class PostgresUploadLimitSettingsTests(PostgresVideoUploadApp app) : UploadLimitSettingsTests(app), IClassFixture<PostgresVideoUploadApp>;
