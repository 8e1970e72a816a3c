using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.Video.Upload;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.VideoUpload;

/// <summary>The app with small upload limits, so "too big" costs the tests a few megabytes, not gigabytes.</summary>
public abstract class VideoUploadApp(DatabaseProvider provider) : AppFactory(provider)
{
    public const long MaxBytes = 4 * 1024 * 1024;
    public const long MaxFormBytes = 1024 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("VideoUploads:MaxBytes", MaxBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("VideoUploads:MaxFormBytes", MaxFormBytes.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("VideoUploads:ExpireAfter", "1.00:00:00");
    }

    /// <summary>Every file under the data directory's uploads folder (uploads in progress and their info).</summary>
    public IReadOnlyList<string> UploadFiles()
    {
        var root = Services.GetRequiredService<VideoUploadStore>().Root;
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    /// <summary>Every stored video file (media/videos/…).</summary>
    public IReadOnlyList<string> StoredVideoFiles()
    {
        var root = Path.Combine(((LocalDiskMediaStorage)Services.GetRequiredService<IMediaStorage>()).Root, "videos");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
    }

    public Task<List<VideoListing>> VideosOfAsync(Guid sellerId) =>
        WithDbAsync(db => db.Videos.AsNoTracking().Where(v => v.SellerId == sellerId).ToListAsync());

    public async Task SweepExpiredUploadsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeleteExpiredVideoUploads>().RunAsync(CancellationToken.None);
    }
}

public sealed class SqliteVideoUploadApp() : VideoUploadApp(DatabaseProvider.Sqlite);

public sealed class PostgresVideoUploadApp() : VideoUploadApp(DatabaseProvider.Postgres);

/// <summary>A tus 1.0 client over the test browser (its cookies sign it in), one request per method.</summary>
public static class Tus
{
    public const string Endpoint = "/uploads/videos";

    public static HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.Add("Tus-Resumable", "1.0.0");
        return request;
    }

    public static async Task<HttpResponseMessage> CreateAsync(this HttpClient browser, long length, string fileName = "clip.mp4", string title = "Morning on the farm")
    {
        using var request = Request(HttpMethod.Post, Endpoint);
        request.Headers.Add("Upload-Length", length.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", $"filename {Base64(fileName)},filetype {Base64("video/mp4")},title {Base64(title)}");
        return await browser.SendAsync(request);
    }

    /// <summary>Creates an upload and returns its URL (the Location header).</summary>
    public static async Task<string> CreateUploadAsync(this HttpClient browser, long length, string fileName = "clip.mp4")
    {
        using var response = await browser.CreateAsync(length, fileName);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString();
    }

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient browser, string url, long offset, byte[] content, string contentType = "application/offset+octet-stream")
    {
        using var request = Request(HttpMethod.Patch, url);
        request.Headers.Add("Upload-Offset", offset.ToString(CultureInfo.InvariantCulture));
        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await browser.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> HeadAsync(this HttpClient browser, string url)
    {
        using var request = Request(HttpMethod.Head, url);
        return await browser.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> TerminateAsync(this HttpClient browser, string url)
    {
        using var request = Request(HttpMethod.Delete, url);
        return await browser.SendAsync(request);
    }

    /// <summary>Sends a whole file in 64 KB pieces, as tus-js-client would in bigger ones; returns the upload id.</summary>
    public static async Task<string> UploadAsync(this HttpClient browser, byte[] content, string fileName = "clip.mp4")
    {
        var url = await browser.CreateUploadAsync(content.Length, fileName);
        const int Piece = 64 * 1024;
        for (var offset = 0; offset < content.Length; offset += Piece)
        {
            using var response = await browser.PatchAsync(url, offset, content[offset..Math.Min(content.Length, offset + Piece)]);
            response.StatusCode.Should().Be(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        }

        return url.Split('/')[^1];
    }

    public static long Offset(this HttpResponseMessage response) =>
        long.Parse(response.Headers.GetValues("Upload-Offset").Single(), CultureInfo.InvariantCulture);

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}

/// <summary>The seller's upload page, used as a browser would: the finish post after tus, or the plain form.</summary>
public static class UploadPage
{
    public const string Url = "/Seller/Videos/Upload";

    /// <summary>Posts "finish" for a completed tus upload, as the page's script does.</summary>
    public static async Task<HttpResponseMessage> FinishAsync(this HttpClient browser, string uploadId, string title = "Morning on the farm", string description = "Feeding the hens at sunrise.")
    {
        var page = await browser.GetPageAsync(Url);
        return await browser.SubmitAsync(page, "#video-upload", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Description"] = description,
            ["Input.UploadId"] = uploadId,
        });
    }

    /// <summary>Posts the form with the file in it, as a browser without JavaScript does.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient browser, byte[] content, string fileName = "clip.mp4", string title = "Morning on the farm")
    {
        var page = await browser.GetPageAsync(Url);
        var token = page.QuerySelector("#video-upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Straight from the phone."), "Input.Description" },
            { new StringContent(""), "Input.UploadId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(browser.BaseAddress!, Url)) { Content = form };
        request.Headers.Add("Origin", browser.BaseAddress!.GetLeftPart(UriPartial.Authority));
        return await browser.SendAsync(request);
    }

    /// <summary>The form-wide messages on a page the post answered with (the reasons a seller reads).</summary>
    public static async Task<string> MessagesAsync(this HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, "a refused upload shows the form again with the reason");
        var page = await response.ReadPageAsync();
        return page.QuerySelector("#video-upload .validation-summary-errors")?.TextContent.Trim() ?? "";
    }

    public static async Task<IHtmlDocument> FollowAsync(this HttpClient browser, HttpResponseMessage redirect, HttpStatusCode expected = HttpStatusCode.OK) =>
        await browser.GetPageAsync(redirect.Headers.Location!.ToString(), expected);
}
