using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Media;
using RuralMarket.EndToEnd.Tests.Support;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media;

namespace RuralMarket.EndToEnd.Tests.Journeys;

/// <summary>
/// A seller's upload survives a lost connection: tus-js-client (pinned in package.json) runs in Node against the live
/// app through a proxy that resets the connection part-way through; it asks the app how much arrived, sends the rest,
/// and the stored video is byte-for-byte the file on the phone.
/// </summary>
public abstract class VideoUploadResumeTests(LiveApp app)
{
    private const int ChunkBytes = 512 * 1024;

    [Fact]
    public async Task An_upload_cut_off_mid_way_resumes_where_it_stopped_and_the_stored_video_is_identical()
    {
        var clip = Path.Combine(Path.GetTempPath(), $"rm-resume-{Guid.NewGuid():n}.mp4");
        try
        {
            await MakeClipAsync(clip);
            var source = await File.ReadAllBytesAsync(clip);
            source.Length.Should().BeGreaterThan(4 * ChunkBytes, "the cut must fall in the middle of the upload");
            var sourceSha256 = Convert.ToHexStringLower(SHA256.HashData(source));

            await using var seller = await app.StartJourneyAsync("video-resume");
            await seller.Page.SignInAsAsync(DemoPeople.Seller);
            var cookie = string.Join("; ", (await seller.Page.Context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));

            await using var proxy = new CuttingProxy(app.BaseAddress, cutAfterBytes: source.Length / 2).Start();
            var (uploadUrl, retries, clientLog) = await RunTusJsClientAsync(new Uri(proxy.Address, "/uploads/videos").ToString(), clip, cookie);

            proxy.Cuts.Should().Be(1, "the proxy cut the connection once, mid-way");
            retries.Should().BeGreaterThan(0, "tus-js-client noticed the cut and tried again");
            proxy.BytesUp.Should().BeLessThan(source.Length + (2L * ChunkBytes),
                "it resumed from what the app had kept, rather than starting again from the first byte; tus-js-client said: {0}", clientLog);

            // The page's script posts "finish" with the upload id once every byte is there; do the same.
            await seller.Page.OpenAsync("/Seller/Videos/Upload", "Upload a video");
            await seller.Page.FillFieldAsync("Title", "A walk round the field");
            await seller.Page.EvaluateAsync(
                "id => { const form = document.getElementById('video-upload'); form.querySelector('[name=\"Input.UploadId\"]').value = id; form.querySelector('input[type=file]').disabled = true; form.submit(); }",
                uploadUrl.Split('/')[^1]);
            await seller.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/Seller/Videos/[0-9a-f-]{36}$"));

            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var videoId = Guid.Parse(seller.Page.Url.Split('/')[^1]);
            var video = await db.Videos.AsNoTracking().SingleAsync(v => v.Id == videoId);
            video.Status.Should().Be(VideoStatus.Processing);
            video.SizeBytes.Should().Be(source.Length);
            video.Sha256.Should().Be(sourceSha256);
            var stored = await scope.ServiceProvider.GetRequiredService<IMediaStorage>().OpenReadAsync(video.SourceKey!, CancellationToken.None);
            stored.Should().NotBeNull();
            await using (stored)
            {
                Convert.ToHexStringLower(await SHA256.HashDataAsync(stored!.Content)).Should().Be(sourceSha256, "the stored file is byte-for-byte the source");
            }
        }
        finally
        {
            File.Delete(clip);
        }
    }

    /// <summary>About 3 MB: 8 s of 640×480 with sound at a phone-like bitrate, index at the front.</summary>
    private static async Task MakeClipAsync(string path)
    {
        var (code, _, errors) = await RunAsync("ffmpeg",
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x480:rate=25", "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000",
            "-t", "8", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "3M", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", path);
        code.Should().Be(0, "ffmpeg must make the clip (test.sh installs it): {0}", errors);
    }

    /// <summary>The upload's URL, how many times tus-js-client retried, and what it logged about each failed attempt.</summary>
    private static async Task<(string Url, int Retries, string Log)> RunTusJsClientAsync(string endpoint, string file, string cookie)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "RuralMarket.EndToEnd.Tests", "Support", "tus-upload.js");
        var tusClient = Path.Combine(RepositoryRoot.Path, "tests", "RuralMarket.EndToEnd.Tests", "node_modules", "tus-js-client");
        Directory.Exists(tusClient).Should().BeTrue(
            "tus-js-client is installed by `npm ci --no-audit --no-fund` in tests/RuralMarket.EndToEnd.Tests (test.sh does it)");
        var (code, output, errors) = await RunAsync("node", new Dictionary<string, string> { ["TUS_COOKIE"] = cookie },
            script, endpoint, file, ChunkBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        code.Should().Be(0, "the upload should finish despite the cut; tus-js-client said: {0}", errors);
        using var result = JsonDocument.Parse(output);
        return (result.RootElement.GetProperty("url").GetString()!, result.RootElement.GetProperty("retries").GetInt32(), errors);
    }

    private static Task<(int Code, string Output, string Errors)> RunAsync(string program, params string[] arguments) =>
        RunAsync(program, new Dictionary<string, string>(), arguments);

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string program, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}

public sealed class SqliteVideoUploadResumeTests(SqliteLiveApp app) : VideoUploadResumeTests(app), IClassFixture<SqliteLiveApp>;

public sealed class PostgresVideoUploadResumeTests(PostgresLiveApp app) : VideoUploadResumeTests(app), IClassFixture<PostgresLiveApp>;
