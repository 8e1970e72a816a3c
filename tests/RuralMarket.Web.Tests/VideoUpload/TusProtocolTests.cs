using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Web.Tests.SellerProducts;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.VideoUpload;

/// <summary>The tus 1.0 server at /uploads/videos, spoken to directly as tus-js-client would.</summary>
public abstract class TusProtocolTests(VideoUploadApp app)
{
    private static readonly byte[] Bytes = [.. Enumerable.Range(0, 3000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task Options_lists_the_protocol_version_the_extensions_and_the_size_cap()
    {
        using var browser = app.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Tus.Endpoint, UriKind.Relative));
        using var response = await browser.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Tus-Version").Should().Equal("1.0.0");
        response.Headers.GetValues("Tus-Extension").Single().Split(',').Should().BeEquivalentTo("creation", "termination", "expiration");
        response.Headers.GetValues("Tus-Max-Size").Should().Equal(VideoUploadApp.MaxBytes.ToString(CultureInfo.InvariantCulture));
        response.Headers.Contains("Tus-Resumable").Should().BeFalse("OPTIONS is the one response without it");
    }

    [Fact]
    public async Task Creating_an_upload_gives_its_address_and_expiry_and_HEAD_reports_how_much_has_arrived()
    {
        var seller = await app.SellerAsync("Tus Farm");
        using var created = await seller.Browser.CreateAsync(Bytes.Length, "hens.mp4");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        created.Headers.GetValues("Tus-Resumable").Should().Equal("1.0.0");
        var url = created.Headers.Location!.ToString();
        url.Should().MatchRegex("^/uploads/videos/[0-9a-f]{32}$");
        DateTimeOffset.Parse(created.Headers.GetValues("Upload-Expires").Single(), CultureInfo.InvariantCulture)
            .Should().BeCloseTo(app.Clock.GetUtcNow().AddDays(1), TimeSpan.FromSeconds(1), "VideoUploads:ExpireAfter is a day here");

        using (var head = await seller.Browser.HeadAsync(url))
        {
            head.StatusCode.Should().Be(HttpStatusCode.OK);
            head.Offset().Should().Be(0);
            head.Headers.GetValues("Upload-Length").Should().Equal("3000");
            head.Headers.GetValues("Upload-Metadata").Single().Split(',').Should().Contain($"filename {Tus.Base64("hens.mp4")}");
            head.Headers.CacheControl!.NoStore.Should().BeTrue();
        }

        using (var patch = await seller.Browser.PatchAsync(url, 0, Bytes[..1200]))
        {
            patch.StatusCode.Should().Be(HttpStatusCode.NoContent);
            patch.Offset().Should().Be(1200);
            patch.Headers.GetValues("Tus-Resumable").Should().Equal("1.0.0");
        }

        using (var head = await seller.Browser.HeadAsync(url))
        {
            head.Offset().Should().Be(1200);
        }

        using (var patch = await seller.Browser.PatchAsync(url, 1200, Bytes[1200..]))
        {
            patch.Offset().Should().Be(3000);
        }

        var stored = await File.ReadAllBytesAsync(app.UploadFiles().Single(f => f.EndsWith(".bin", StringComparison.Ordinal)));
        stored.Should().Equal(Bytes);
        (await seller.Browser.TerminateAsync(url)).Dispose();
    }

    [Fact]
    public async Task A_piece_sent_at_the_wrong_offset_is_refused_with_409_and_nothing_is_written()
    {
        var seller = await app.SellerAsync("Offset Farm");
        var url = await seller.Browser.CreateUploadAsync(Bytes.Length);
        (await seller.Browser.PatchAsync(url, 0, Bytes[..1000])).Dispose();

        using var conflict = await seller.Browser.PatchAsync(url, 500, Bytes[500..1500]);

        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        conflict.Headers.GetValues("Tus-Resumable").Should().Equal("1.0.0");
        using var head = await seller.Browser.HeadAsync(url);
        head.Offset().Should().Be(1000, "nothing of the refused piece was written");
        (await seller.Browser.TerminateAsync(url)).Dispose();
    }

    [Fact]
    public async Task A_piece_sent_with_another_content_type_is_refused_with_415_and_nothing_is_written()
    {
        var seller = await app.SellerAsync("Type Farm");
        var url = await seller.Browser.CreateUploadAsync(Bytes.Length);

        using var refused = await seller.Browser.PatchAsync(url, 0, Bytes[..1000], contentType: "application/octet-stream");

        refused.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        using var head = await seller.Browser.HeadAsync(url);
        head.Offset().Should().Be(0);
        (await seller.Browser.TerminateAsync(url)).Dispose();
    }

    [Fact]
    public async Task A_request_without_the_tus_version_header_or_from_another_site_is_refused()
    {
        var seller = await app.SellerAsync("Header Farm");
        var url = await seller.Browser.CreateUploadAsync(Bytes.Length);

        using (var bare = new HttpRequestMessage(HttpMethod.Patch, new Uri(url, UriKind.Relative)) { Content = new ByteArrayContent(Bytes[..10]) })
        {
            bare.Content.Headers.ContentType = new("application/offset+octet-stream");
            bare.Headers.Add("Upload-Offset", "0");
            using var response = await seller.Browser.SendAsync(bare);
            response.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
            response.Headers.GetValues("Tus-Version").Should().Equal("1.0.0");
        }

        using (var crossSite = Tus.Request(HttpMethod.Patch, url))
        {
            crossSite.Headers.Add("Upload-Offset", "0");
            crossSite.Headers.Add("Origin", "https://evil.example");
            crossSite.Content = new ByteArrayContent(Bytes[..10]);
            crossSite.Content.Headers.ContentType = new("application/offset+octet-stream");
            using var response = await seller.Browser.SendAsync(crossSite);
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var head = await seller.Browser.HeadAsync(url);
        head.Offset().Should().Be(0);
        (await seller.Browser.TerminateAsync(url)).Dispose();
    }

    [Fact]
    public async Task Deleting_an_upload_ends_it_and_removes_its_files()
    {
        var seller = await app.SellerAsync("Delete Farm");
        var url = await seller.Browser.CreateUploadAsync(Bytes.Length);
        (await seller.Browser.PatchAsync(url, 0, Bytes[..1000])).Dispose();
        var id = url.Split('/')[^1];
        app.UploadFiles().Should().Contain(f => f.Contains(id, StringComparison.Ordinal));

        using var deleted = await seller.Browser.TerminateAsync(url);

        deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        deleted.Headers.GetValues("Tus-Resumable").Should().Equal("1.0.0");
        (await seller.Browser.HeadAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await seller.Browser.PatchAsync(url, 1000, Bytes[1000..])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        app.UploadFiles().Should().NotContain(f => f.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_left_unfinished_past_its_expiry_is_gone_after_the_sweep()
    {
        var seller = await app.SellerAsync("Expiry Farm");
        var url = await seller.Browser.CreateUploadAsync(Bytes.Length);
        (await seller.Browser.PatchAsync(url, 0, Bytes[..1000])).Dispose();
        var fresh = await seller.Browser.CreateUploadAsync(Bytes.Length);
        var id = url.Split('/')[^1];

        app.Clock.Advance(TimeSpan.FromHours(12));
        (await seller.Browser.PatchAsync(fresh, 0, Bytes[..10])).Dispose(); // a piece arriving keeps an upload alive
        app.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        await app.SweepExpiredUploadsAsync();

        app.UploadFiles().Should().NotContain(f => f.Contains(id, StringComparison.Ordinal));
        (await seller.Browser.HeadAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var alive = await seller.Browser.HeadAsync(fresh);
        alive.StatusCode.Should().Be(HttpStatusCode.OK);
        alive.Offset().Should().Be(10);
        (await seller.Browser.TerminateAsync(fresh)).Dispose();
    }

    [Fact]
    public async Task Another_sellers_upload_answers_404_and_is_left_alone()
    {
        var owner = await app.SellerAsync("Owner Farm");
        var other = await app.SellerAsync("Other Farm");
        var url = await owner.Browser.CreateUploadAsync(Bytes.Length);
        (await owner.Browser.PatchAsync(url, 0, Bytes[..1000])).Dispose();

        (await other.Browser.HeadAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Browser.PatchAsync(url, 1000, Bytes[1000..])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.Browser.TerminateAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var finish = await other.Browser.FinishAsync(url.Split('/')[^1]);
        (await finish.MessagesAsync()).Should().Contain("could not find that upload");

        using var head = await owner.Browser.HeadAsync(url);
        head.Offset().Should().Be(1000);
        (await owner.Browser.TerminateAsync(url)).Dispose();
    }

    [Fact]
    public async Task Only_signed_in_sellers_may_upload()
    {
        using var buyer = await app.SignInAsync("buyer@demo.ruralmarket.local");
        using (var response = await buyer.CreateAsync(Bytes.Length))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }

        using var anonymous = app.CreateBrowser();
        using (var response = await anonymous.CreateAsync(Bytes.Length))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().Should().Contain("/Account/SignIn");
        }

        await buyer.GetPageAsync(UploadPage.Url, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_suspended_seller_cannot_upload_videos()
    {
        var seller = await app.SellerAsync("Paused Farm");
        await app.WithDbAsync(async db =>
        {
            var shop = await db.Sellers.SingleAsync(s => s.Id == seller.Shop.Id);
            shop.Suspend("Selling raw milk without the permit.", shop.OwnerUserId, app.Clock);
            return await db.SaveChangesAsync();
        });

        using (var response = await seller.Browser.CreateAsync(Bytes.Length))
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await response.Content.ReadAsStringAsync()).Should().Contain("Only approved shops can upload videos.");
        }

        var page = await seller.Browser.GetPageAsync(UploadPage.Url);
        page.QuerySelector("#video-upload").Should().BeNull("a suspended shop gets no upload form");
        page.QuerySelector("main")!.TextContent.Should().Contain("You cannot add videos while your shop is suspended.");
    }

    [Fact]
    public async Task An_upload_over_the_size_cap_is_refused_with_413_and_says_the_limit()
    {
        var seller = await app.SellerAsync("Big Farm");
        var before = app.UploadFiles().Count;

        using var response = await seller.Browser.CreateAsync(VideoUploadApp.MaxBytes + 1);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("videos can be at most 4 MB");
        app.UploadFiles().Should().HaveCount(before);
    }
}

public sealed class SqliteTusProtocolTests(SqliteVideoUploadApp app) : TusProtocolTests(app), IClassFixture<SqliteVideoUploadApp>;

public sealed class PostgresTusProtocolTests(PostgresVideoUploadApp app) : TusProtocolTests(app), IClassFixture<PostgresVideoUploadApp>;
