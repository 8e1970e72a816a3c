using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.Video;

namespace RuralMarket.Testing.Video;

/// <summary>How a made-up video should end up, for the storefront's visibility rules.</summary>
public enum TestVideoState
{
    /// <summary>Ready, published and visible: the storefront shows it.</summary>
    Published,

    /// <summary>Ready but not published.</summary>
    Unpublished,

    /// <summary>Ready and published, then hidden by a moderator.</summary>
    Hidden,

    /// <summary>Still being transcoded.</summary>
    Processing,
}

/// <summary>A product to tag: the seller's and product's slugs, and when it shows.</summary>
public sealed record TestTag(string SellerSlug, string ProductSlug, int StartSecond, int? EndSecond = null);

/// <summary>
/// Ready videos for tests, made the way the transcoding pipeline makes them: ffmpeg renders a 6-second clip (lavfi
/// testsrc2 + a sine tone) once per test run into an HLS ladder (240p and 360p, fMP4 segments, 2 s GOPs), a
/// faststart MP4 and a poster; each video gets its own copy in media storage, and the listing is built through the
/// domain (Create, StartProcessing, MarkReady, Publish, Tag).
/// </summary>
public static class TestVideos
{
    public const double DurationSeconds = 6;

    private static readonly SemaphoreSlim RenderLock = new(1, 1);
    private static string? _rendered;

    public static async Task<Guid> MakeAsync(
        IServiceProvider services,
        string sellerSlug,
        string title,
        IReadOnlyList<TestTag>? tags = null,
        TestVideoState state = TestVideoState.Published,
        bool captions = false)
    {
        var files = await RenderOnceAsync();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IMediaStorage>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var sellerId = await db.Sellers.Where(s => s.Slug == sellerSlug).Select(s => s.Id).SingleAsync();
        var video = VideoListing.Create(sellerId, title, $"{title}: how we make it, start to finish.", clock);
        var folder = VideoKeys.Folder(video.Id);
        foreach (var file in Directory.GetFiles(files))
        {
            await using var content = File.OpenRead(file);
            await storage.SaveAsync(folder + Path.GetFileName(file), content, CancellationToken.None);
        }

        video.StartProcessing(new VideoSourceFacts(new FileInfo(Path.Combine(files, "video.mp4")).Length, null, DurationSeconds, 640, 360, "h264", "aac"));
        if (state == TestVideoState.Processing)
        {
            db.Videos.Add(video);
            await db.SaveChangesAsync();
            return video.Id;
        }

        video.MarkReady(
            [new VideoRendition(240, 400, folder + "240p.m3u8"), new VideoRendition(360, 840, folder + "360p.m3u8")],
            folder + "master.m3u8",
            folder + "video.mp4",
            folder + "poster.jpg");
        if (captions)
        {
            video.SetCaptions(folder + "captions.vtt");
        }

        if (state != TestVideoState.Unpublished)
        {
            video.Publish(clock);
        }

        if (state == TestVideoState.Hidden)
        {
            video.Hide("Test: hidden by a moderator.");
        }

        foreach (var tag in tags ?? [])
        {
            var productId = await db.Products
                .Where(p => p.Slug == tag.ProductSlug && db.Sellers.Any(s => s.Id == p.SellerId && s.Slug == tag.SellerSlug))
                .Select(p => p.Id)
                .SingleAsync();
            video.Tag(productId, tag.StartSecond, tag.EndSecond);
        }

        db.Videos.Add(video);
        await db.SaveChangesAsync();
        return video.Id;
    }

    /// <summary>The rendered files, made once per test run (about two seconds of ffmpeg).</summary>
    private static async Task<string> RenderOnceAsync()
    {
        await RenderLock.WaitAsync();
        try
        {
            if (_rendered is not null)
            {
                return _rendered;
            }

            var directory = Directory.CreateTempSubdirectory("rm-test-video-").FullName;
            await FfmpegAsync(directory,
                "-f lavfi -i testsrc2=size=640x360:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 6 " +
                "-filter_complex [0:v]split=2[a][b];[a]scale=-2:240[v240];[b]null[v360];[1:a]asplit=2[a1][a2] " +
                "-map [v240] -map [a1] -map [v360] -map [a2] -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 50 -keyint_min 50 -sc_threshold 0 " +
                "-b:v:0 300k -b:v:1 700k -c:a aac -b:a 64k -ac 1 -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 " +
                "-master_pl_name master.m3u8 -var_stream_map v:0,a:0,name:240p§v:1,a:1,name:360p " +
                "-hls_segment_filename %v_%03d.m4s -hls_fmp4_init_filename %v_init.mp4 %v.m3u8");
            await FfmpegAsync(directory,
                "-f lavfi -i testsrc2=size=640x360:rate=25 -f lavfi -i sine=frequency=440:sample_rate=44100 -t 6 " +
                "-c:v libx264 -preset veryfast -pix_fmt yuv420p -b:v 500k -c:a aac -b:a 64k -ac 1 -movflags +faststart video.mp4");
            await FfmpegAsync(directory, "-ss 1 -i video.mp4 -frames:v 1 -q:v 5 poster.jpg");
            await File.WriteAllTextAsync(Path.Combine(directory, "captions.vtt"), "WEBVTT\n\n00:00.000 --> 00:03.000\nFresh from the farm\n\n00:03.000 --> 00:06.000\nTap a product to buy it\n");
            _rendered = directory;
            return directory;
        }
        finally
        {
            RenderLock.Release();
        }
    }

    /// <summary>Runs ffmpeg in <paramref name="directory"/>; arguments are split on spaces, and '§' stands for a space inside one.</summary>
    private static async Task FfmpegAsync(string directory, string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { WorkingDirectory = directory, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in $"-hide_banner -loglevel error -y {arguments}".Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            start.ArgumentList.Add(argument.Replace('§', ' '));
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("The video tests need ffmpeg on the PATH. Install it (Debian: apt-get install -y --no-install-recommends ffmpeg; ./test.sh does this when it can).", ex);
        }

        using (process)
        {
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg {arguments} failed ({process.ExitCode}): {errors}");
            }
        }
    }
}
