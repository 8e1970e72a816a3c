using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Infrastructure.Health;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.Video;
using RuralMarket.Infrastructure.Media.Video.Transcoding;

namespace RuralMarket.Infrastructure.Data.Seed;

/// <summary>
/// Demo videos for the first few demo sellers (the demo seller first), made when ffmpeg is installed. The seed
/// itself only queues one job per seller, so the first page is not kept waiting; the worker then makes an
/// 8-second lavfi clip, stores it as the upload, tags two of the seller's products and queues the same
/// <see cref="TranscodeVideo"/> job an upload does, then publishes the video once it is ready.
/// On by default in Development only (<c>DemoVideos:Enabled</c>), never in tests unless they ask.
/// </summary>
public sealed class DemoVideos(
    RuralMarketDbContext db,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<VideoTranscodingOptions> options,
    TimeProvider clock,
    ILogger<DemoVideos> logger)
{
    public const string EnabledSetting = "DemoVideos:Enabled";
    public const int SellerCount = 4;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue(EnabledSetting, environment.IsDevelopment()))
        {
            return;
        }

        if (!HasProgram(options.Value.FfmpegPath) || !HasProgram(options.Value.FfprobePath))
        {
            logger.LogInformation("ffmpeg is not installed: the demo shops have no videos");
            return;
        }

        if (await db.Videos.AnyAsync(cancellationToken))
        {
            return;
        }

        var slugs = DemoCatalog.Sellers.Take(SellerCount).Select(s => s.Slug).ToList();
        var sellers = await db.Sellers.AsNoTracking().Where(s => slugs.Contains(s.Slug)).Select(s => new { s.Id, s.Slug }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var seller in sellers.OrderBy(s => slugs.IndexOf(s.Slug)))
        {
            await db.Jobs.EnqueueOnceAsync(new MakeDemoVideo(seller.Id, slugs.IndexOf(seller.Slug)), now, $"demo-video:{seller.Id:n}", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Queued demo videos for {Count} demo sellers; the worker makes them in the background", sellers.Count);
    }

    private static bool HasProgram(string program) =>
        Path.IsPathRooted(program) ? File.Exists(program) : FfmpegHealthCheck.FindOnPath(program) is not null;
}

/// <summary>Makes one demo seller's clip and hands it to the transcode pipeline.</summary>
public sealed record MakeDemoVideo(Guid SellerId, int Variant) : IJob
{
    public static string JobType => "demo.make-video";
}

/// <summary>Publishes a demo video once the transcode has made it ready (retried until then).</summary>
public sealed record PublishDemoVideo(Guid VideoId) : IJob
{
    public static string JobType => "demo.publish-video";
}

internal sealed class MakeDemoVideoHandler(
    RuralMarketDbContext db,
    IMediaStorage storage,
    IOptions<VideoTranscodingOptions> options,
    TimeProvider clock) : IJobHandler<MakeDemoVideo>
{
    private const int Seconds = 8;

    private static readonly (string Source, string Title, string Description, int Tone)[] Variants =
    [
        ("mandelbrot=size=960x540:rate=25", "A morning at the farm", "Walk the rows with us and see what's ready this week.", 220),
        ("life=size=960x540:rate=25:mold=10:ratio=0.2:life_color=#6b8e23:death_color=#2b2a26", "How we grow it", "From seed to your table, the short version.", 262),
        ("testsrc2=size=960x540:rate=25", "Packing your order", "Every box is packed by hand the morning it ships.", 330),
        ("gradients=size=960x540:rate=25:speed=0.02", "Meet the makers", "A quick hello from the people behind the shop.", 392),
    ];

    public async Task HandleAsync(MakeDemoVideo job, CancellationToken cancellationToken)
    {
        var variant = Variants[job.Variant % Variants.Length];
        var products = await db.Products.AsNoTracking()
            .Where(p => p.SellerId == job.SellerId && p.Status == ProductStatus.Active && p.Moderation == ModerationState.Visible)
            .OrderBy(p => p.Title)
            .Select(p => p.Id)
            .Take(2)
            .ToListAsync(cancellationToken);

        var folder = Directory.CreateTempSubdirectory("rm-demo-video-").FullName;
        try
        {
            var clip = Path.Combine(folder, "demo.mp4");
            var duration = Seconds.ToString(CultureInfo.InvariantCulture);
            var made = await FfmpegProcess.RunAsync(options.Value.FfmpegPath,
            [
                "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", variant.Source,
                "-f", "lavfi", "-i", $"sine=frequency={variant.Tone}:sample_rate=44100:duration={duration}",
                "-t", duration, "-af", "volume=0.15", "-c:a", "aac", "-b:a", "64k",
                "-c:v", "libx264", "-preset", "ultrafast", "-crf", "26", "-pix_fmt", "yuv420p", "-shortest", clip,
            ], folder, TimeSpan.FromMinutes(2), cancellationToken);
            if (made.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg could not make the demo clip: {made.ErrorTail}");
            }

            var probe = await VideoProbe.ReadAsync(options.Value.FfprobePath, clip, cancellationToken)
                ?? throw new InvalidOperationException("ffprobe could not read the demo clip.");
            var bytes = await File.ReadAllBytesAsync(clip, cancellationToken);
            var video = VideoListing.Create(job.SellerId, variant.Title, variant.Description, clock);
            var key = VideoKeys.Source(video.Id, ".mp4");
            await using (var content = File.OpenRead(clip))
            {
                await storage.SaveAsync(key, content, cancellationToken);
            }

            video.AttachSource(key);
            video.StartProcessing(new VideoSourceFacts(bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), probe.DurationSeconds, probe.DisplayWidth, probe.DisplayHeight, "h264", "aac"));
            for (var i = 0; i < products.Count; i++)
            {
                video.Tag(products[i], 1 + (i * 3), null);
            }

            db.Videos.Add(video);
            var now = clock.GetUtcNow().UtcDateTime;
            db.Jobs.Enqueue(new TranscodeVideo(video.Id), now);
            db.Jobs.Enqueue(new PublishDemoVideo(video.Id), now, runAfter: now.AddSeconds(2), maxAttempts: 12);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

internal sealed class PublishDemoVideoHandler(RuralMarketDbContext db, TimeProvider clock) : IJobHandler<PublishDemoVideo>
{
    public async Task HandleAsync(PublishDemoVideo job, CancellationToken cancellationToken)
    {
        var video = await db.Videos.AsSingleQuery().SingleOrDefaultAsync(v => v.Id == job.VideoId, cancellationToken);
        if (video is null || video.Status == VideoStatus.Failed || video.Published)
        {
            return;
        }

        if (video.Status != VideoStatus.Ready)
        {
            throw new InvalidOperationException("The demo video is not ready yet; trying again later.");
        }

        video.Publish(clock);
    }
}
