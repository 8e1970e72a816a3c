using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.S3;
using RuralMarket.Infrastructure.Media.Video;
using RuralMarket.Testing;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.SellerVideos;

/// <summary>The whole app with media in an S3-compatible bucket (s3rver) instead of on disk, on SQLite.</summary>
public sealed class SqliteS3App() : AppFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The host is built once, inside the fixture's start: blocking here waits for s3rver once.
        var settings = S3Server.GetAsync().GetAwaiter().GetResult().CreateBucketSettingsAsync().GetAwaiter().GetResult();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>Arranging videos the way the upload side leaves them (stored source, Processing, a TranscodeVideo job), and reading what is stored.</summary>
public static class SellerVideoSteps
{
    private static readonly string ClipFolder = Directory.CreateTempSubdirectory("rm-web-clips-").FullName;
    private static readonly Lazy<Task<string>> Clip = new(() => TestClips.MakeAsync(ClipFolder, 320, 240, 3.4));

    public const double ClipSeconds = 3.4;

    /// <summary>A stored upload being processed, then the worker's transcode run. Returns the video's id.</summary>
    public static async Task<Guid> UploadVideoAsync(this AppFactory app, Guid sellerId, string title = "Morning on the farm", bool broken = false)
    {
        var clip = await Clip.Value;
        var bytes = await File.ReadAllBytesAsync(clip);
        var probe = JsonDocument.Parse(await TestClips.ProbeAsync(clip)).RootElement;
        var duration = double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        var id = await app.WithDbAsync(async db =>
        {
            var storage = app.Services.GetRequiredService<IMediaStorage>();
            var video = VideoListing.Create(sellerId, title, null, app.Clock);
            var key = VideoKeys.Source(video.Id, ".mp4");
            await storage.SaveAsync(key, new MemoryStream(broken ? bytes[..(bytes.Length / 3)] : bytes), CancellationToken.None);
            video.AttachSource(key);
            video.StartProcessing(new VideoSourceFacts(bytes.Length, null, duration, 320, 240, "h264", "aac"));
            db.Videos.Add(video);
            db.Jobs.Enqueue(new TranscodeVideo(video.Id), app.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return video.Id;
        });
        await app.RunJobsAsync();
        return id;
    }

    public static Task<VideoListing?> VideoAsync(this AppFactory app, Guid id) =>
        app.WithDbAsync(db => db.Videos.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id));

    /// <summary>Every stored file under a video's folder, seen in the storage itself (disk or bucket).</summary>
    public static async Task<IReadOnlyList<string>> StoredVideoFilesAsync(this AppFactory app, Guid videoId)
    {
        var prefix = VideoKeys.Folder(videoId);
        var storage = app.Services.GetRequiredService<IMediaStorage>();
        if (storage is LocalDiskMediaStorage local)
        {
            var folder = Path.Combine(local.Root, prefix);
            return Directory.Exists(folder)
                ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(local.Root, f).Replace('\\', '/')).Order()]
                : [];
        }

        var bucket = app.Services.GetRequiredService<IOptions<S3MediaOptions>>().Value.Bucket!;
        return await (await S3Server.GetAsync()).ListAsync(bucket, prefix);
    }
}
