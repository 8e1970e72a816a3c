using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.Domain.Media;
using RuralMarket.EndToEnd.Tests.Support;
using RuralMarket.Infrastructure.Data;
using static Microsoft.Playwright.Assertions;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>The seller's upload page in Chromium, with its script: pieces over tus with a progress bar, then "finish".</summary>
public abstract partial class VideoUploadPageTests(LiveApp app)
{
    private static readonly string[] Quiet = ["-v", "error", "-y"];

    [Fact]
    public async Task A_seller_uploads_a_clip_from_the_page_watching_its_progress_and_it_goes_for_processing()
    {
        var clip = Path.Combine(Path.GetTempPath(), $"rm-page-{Guid.NewGuid():n}.mp4");
        try
        {
            // Several megabytes, so the page sends it in more than one 4 MB piece.
            await FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=640x480:rate=25", "-t", "10", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", "8M", "-maxrate", "8M", "-bufsize", "1M", "-pix_fmt", "yuv420p", "-movflags", "+faststart", clip);
            var bytes = await File.ReadAllBytesAsync(clip);
            bytes.Length.Should().BeGreaterThan(4 * 1024 * 1024, "the clip must need at least two pieces");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

            await using var seller = await app.StartJourneyAsync("video-upload");
            var page = seller.Page;
            await page.SignInAsAsync(DemoPeople.Seller);
            await page.OpenAsync("/Seller/Videos/Upload", "Upload a video");
            await seller.ScreenshotAsync("upload-idle", fullPage: true);

            // Hold the second piece until the progress has been seen (a slow link, frozen for a moment).
            var pieces = 0;
            var seen = new TaskCompletionSource();
            await page.RouteAsync("**/uploads/videos/*", async route =>
            {
                if (route.Request.Method == "PATCH" && Interlocked.Increment(ref pieces) == 2)
                {
                    await seen.Task;
                }

                await route.ContinueAsync();
            });
            await page.FillFieldAsync("Title", "Walking the lower field");
            await page.GetByLabel("Video file").SetInputFilesAsync(clip);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload video" }).TapAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(UploadingProgress());
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();
            await seller.ScreenshotAsync("upload-progress", fullPage: true);
            seen.SetResult();

            await page.WaitForURLAsync(VideoPage());
            var videoId = Guid.Parse(page.Url.Split('/')[^1]);
            await using var scope = app.Services.CreateAsyncScope();
            var video = await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().Videos.AsNoTracking().SingleAsync(v => v.Id == videoId);
            video.Title.Should().Be("Walking the lower field");
            video.Status.Should().Be(VideoStatus.Processing);
            video.Sha256.Should().Be(sha256);
            pieces.Should().Be((int)Math.Ceiling(bytes.Length / (4.0 * 1024 * 1024)), "the file goes up in 4 MB pieces, each sent once");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Walking the lower field");
            seller.Problems.Should().BeEmpty("nothing goes wrong on the way, and the seller lands on the video's own page");
        }
        finally
        {
            File.Delete(clip);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_is_refused_on_the_page_with_the_reason()
    {
        var text = Path.Combine(Path.GetTempPath(), $"rm-not-a-video-{Guid.NewGuid():n}.mp4");
        await File.WriteAllTextAsync(text, "Eggs, honey, flour. This is a shopping list, not a video.\n");
        try
        {
            await using var seller = await app.StartJourneyAsync("video-upload");
            var page = seller.Page;
            await page.SignInAsAsync(DemoPeople.Seller);
            await page.OpenAsync("/Seller/Videos/Upload", "Upload a video");
            await page.FillFieldAsync("Title", "Our shopping list");
            await page.GetByLabel("Video file").SetInputFilesAsync(text);
            await page.GetByRole(AriaRole.Button, new() { Name = "Upload video" }).TapAsync();

            await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This file is not a video we can use. Upload an MP4, MOV, WebM or MKV video.");
            await Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Our shopping list");
            await seller.ScreenshotAsync("upload-refused", fullPage: true);
            seller.Problems.Should().BeEmpty();
        }
        finally
        {
            File.Delete(text);
        }
    }

    [GeneratedRegex(@"Uploading: 4\.0 MB of \d+\.\d MB \(\d+%\)")]
    private static partial Regex UploadingProgress();

    [GeneratedRegex("/Seller/Videos/[0-9a-f-]{36}$")]
    private static partial Regex VideoPage();

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Quiet.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, "ffmpeg must make the clip (test.sh installs it): {0}", errors);
    }
}

public sealed class SqliteVideoUploadPageTests(SqliteLiveApp app) : VideoUploadPageTests(app), IClassFixture<SqliteLiveApp>;

public sealed class PostgresVideoUploadPageTests(PostgresLiveApp app) : VideoUploadPageTests(app), IClassFixture<PostgresLiveApp>;
