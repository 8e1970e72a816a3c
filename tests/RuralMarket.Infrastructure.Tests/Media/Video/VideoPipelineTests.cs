using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.Video;
using RuralMarket.Infrastructure.Tests.Support;
using RuralMarket.Testing;

namespace RuralMarket.Infrastructure.Tests.Media.Video;

/// <summary>
/// The transcode job on clips made with ffmpeg's lavfi sources, run by the real job processor against real
/// storage: local disk (SQLite) and an S3-compatible server, s3rver (PostgreSQL). The stored outputs are
/// read back and checked with ffprobe/ffmpeg as a player would see them.
/// </summary>
public abstract class VideoPipelineTests(DatabaseProvider database, MediaProvider media) : IAsyncLifetime
{
    private const double DurationTolerance = 0.3;

    private readonly string _clips = Directory.CreateTempSubdirectory("rm-clips-").FullName;
    private TestDatabaseHost _host = null!;
    private Dictionary<string, string?>? _s3;
    private Guid _sellerId;

    private IMediaStorage Storage => _host.Services.GetRequiredService<IMediaStorage>();

    public async Task InitializeAsync()
    {
        _s3 = media == MediaProvider.S3 ? await (await S3Server.GetAsync()).CreateBucketSettingsAsync() : null;
        _host = await TestDatabaseHost.StartAsync(database, settings: _s3);
        await using var scope = _host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        var owner = new AppUser { UserName = "farmer@example.com", Email = "farmer@example.com", DisplayName = "Farmer" };
        db.Users.Add(owner);
        var seller = Seller.Apply(owner.Id, "Hill Farm", "We grow squash.", new SellerLocation("Kalona", "IA", "52247", "US", 41.48, -91.70),
            new FulfilmentOptions(true, "Farm gate", "Sat 8-12", null, false, 0, Money.Zero("USD"), false, Money.Zero("USD"), Money.Zero("USD")), 1000, _host.Clock);
        db.Sellers.Add(seller);
        await db.SaveChangesAsync();
        _sellerId = seller.Id;
    }

    [Fact]
    public async Task A_720p_clip_becomes_every_rung_a_poster_and_a_faststart_mp4_and_the_source_is_deleted()
    {
        var clip = await TestClips.MakeAsync(_clips, 1280, 720, 3.2);

        var id = await UploadAndTranscodeAsync(clip);

        var video = await LoadAsync(id);
        video.Status.Should().Be(VideoStatus.Ready);
        video.SourceKey.Should().BeNull();
        video.Renditions.Select(r => r.Height).Should().BeEquivalentTo([240, 360, 720]);
        var folder = await DownloadAsync(video.MasterPlaylistKey!);
        foreach (var (height, width) in new[] { (240, 426), (360, 640), (720, 1280) })
        {
            var rendition = video.Renditions.Single(r => r.Height == height);
            var probe = await ProbeAsync(Path.Combine(folder, Relative(video, rendition.PlaylistKey)));
            probe.Width.Should().Be(width, "the {0}p rung keeps the picture's shape", height);
            probe.Height.Should().Be(height);
            probe.Duration.Should().BeApproximately(3.2, DurationTolerance);
            probe.HasAudio.Should().BeTrue();
            await PlaysToTheEndAsync(Path.Combine(folder, Relative(video, rendition.PlaylistKey)));
        }

        var master = await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8"));
        master.Should().Contain("RESOLUTION=426x240").And.Contain("RESOLUTION=1280x720").And.Contain("CODECS=\"avc1.").And.Contain("mp4a.40.2");
        master.Should().Contain("BANDWIDTH=");
        var playlist = await File.ReadAllTextAsync(Path.Combine(folder, "240p", "index.m3u8"));
        playlist.Should().Contain("#EXT-X-MAP:URI=").And.Contain(".m4s").And.Contain("#EXT-X-TARGETDURATION:2");

        var fallback = await ProbeAsync(Path.Combine(folder, Relative(video, video.Mp4FallbackKey!)));
        (fallback.Width, fallback.Height).Should().Be((640, 360));
        fallback.Duration.Should().BeApproximately(3.2, DurationTolerance);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, Relative(video, video.Mp4FallbackKey!)));
        IndexOf(bytes, "moov"u8).Should().BeLessThan(IndexOf(bytes, "mdat"u8), "a faststart MP4 starts playing before it has all arrived");

        var poster = await ProbeAsync(Path.Combine(folder, Relative(video, video.PosterKey!)));
        poster.Width.Should().Be(640);
        video.PosterKey.Should().EndWith(".webp");

        (await StoredKeysAsync(VideoKeys.Folder(id))).Should().OnlyContain(k => k.StartsWith(FolderOf(video.MasterPlaylistKey!), StringComparison.Ordinal), "the source is deleted once the outputs are stored");
    }

    [Fact]
    public async Task A_240p_clip_without_sound_gets_only_the_240p_rung()
    {
        var clip = await TestClips.MakeAsync(_clips, 320, 240, 2.5, audio: false);

        var id = await UploadAndTranscodeAsync(clip);

        var video = await LoadAsync(id);
        video.Status.Should().Be(VideoStatus.Ready);
        video.Renditions.Should().ContainSingle().Which.Height.Should().Be(240);
        var folder = await DownloadAsync(video.MasterPlaylistKey!);
        var probe = await ProbeAsync(Path.Combine(folder, "240p", "index.m3u8"));
        (probe.Width, probe.Height, probe.HasAudio).Should().Be((320, 240, false));
        probe.Duration.Should().BeApproximately(2.5, DurationTolerance);
        (await File.ReadAllTextAsync(Path.Combine(folder, "master.m3u8"))).Should().NotContain("360p").And.NotContain("mp4a");
        (await ProbeAsync(Path.Combine(folder, "fallback.mp4"))).Width.Should().Be(320);
    }

    [Fact]
    public async Task A_phone_clip_stored_sideways_comes_out_upright_in_its_display_orientation()
    {
        // Stored 480×360 with a 90° flag: people see it 360 wide and 480 tall.
        var clip = await TestClips.MakeAsync(_clips, 480, 360, 2.2, rotation: 90);

        var id = await UploadAndTranscodeAsync(clip);

        var video = await LoadAsync(id);
        video.Renditions.Select(r => r.Height).Should().BeEquivalentTo([240, 360]);
        var folder = await DownloadAsync(video.MasterPlaylistKey!);
        var rung = await ProbeAsync(Path.Combine(folder, "360p", "index.m3u8"));
        (rung.Width, rung.Height, rung.Rotation).Should().Be((360, 480, 0));
        var small = await ProbeAsync(Path.Combine(folder, "240p", "index.m3u8"));
        (small.Width, small.Height).Should().Be((240, 320));
        var fallback = await ProbeAsync(Path.Combine(folder, "fallback.mp4"));
        (fallback.Width, fallback.Height, fallback.Rotation).Should().Be((360, 480, 0));
        var poster = await ProbeAsync(Path.Combine(folder, "poster.webp"));
        (poster.Width, poster.Height).Should().Be((360, 480));
    }

    [Fact]
    public async Task A_broken_source_fails_with_a_reason_for_the_seller_and_leaves_only_the_source_for_a_retry()
    {
        var clip = await TestClips.MakeAsync(_clips, 640, 360, 2);
        var whole = await File.ReadAllBytesAsync(clip);
        var broken = Path.Combine(_clips, "broken.mp4");
        await File.WriteAllBytesAsync(broken, whole[..(whole.Length / 3)]);

        var id = await UploadAndTranscodeAsync(broken, knownFacts: await FactsAsync(clip));

        var video = await LoadAsync(id);
        video.Status.Should().Be(VideoStatus.Failed);
        video.FailureReason.Should().Contain("could not").And.NotContain("ffmpeg").And.NotContain("/tmp");
        video.Renditions.Should().BeEmpty();
        video.SourceKey.Should().NotBeNull("the seller may retry");
        (await StoredKeysAsync(VideoKeys.Folder(id))).Should().Equal(video.SourceKey);
    }

    [Fact]
    public async Task Running_the_job_again_for_a_ready_video_changes_nothing()
    {
        var id = await UploadAndTranscodeAsync(await TestClips.MakeAsync(_clips, 320, 240, 2));
        var before = await LoadAsync(id);
        var stored = await StoredKeysAsync(VideoKeys.Folder(id));

        await using (var scope = _host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            db.Jobs.Enqueue(new TranscodeVideo(id), _host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await RunJobsAsync();

        var after = await LoadAsync(id);
        (after.Status, after.Version, after.MasterPlaylistKey).Should().Be((VideoStatus.Ready, before.Version, before.MasterPlaylistKey));
        (await StoredKeysAsync(VideoKeys.Folder(id))).Should().BeEquivalentTo(stored);
    }

    private async Task<Guid> UploadAndTranscodeAsync(string clip, VideoSourceFacts? knownFacts = null)
    {
        var facts = knownFacts ?? await FactsAsync(clip);
        await using (var scope = _host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var video = VideoListing.Create(_sellerId, "Squash harvest", null, _host.Clock);
            var key = VideoKeys.Source(video.Id, ".mp4");
            await using (var content = File.OpenRead(clip))
            {
                await Storage.SaveAsync(key, content, CancellationToken.None);
            }

            video.AttachSource(key);
            video.StartProcessing(facts);
            db.Videos.Add(video);
            db.Jobs.Enqueue(new TranscodeVideo(video.Id), _host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await RunJobsAsync();
            return video.Id;
        }
    }

    private async Task RunJobsAsync()
    {
        var processor = _host.Services.GetRequiredService<JobProcessor>();
        while (await processor.RunDueJobsAsync("test-worker", CancellationToken.None) > 0)
        {
        }
    }

    private static async Task<VideoSourceFacts> FactsAsync(string clip)
    {
        var probe = await ProbeAsync(clip);
        return new VideoSourceFacts(new FileInfo(clip).Length, null, probe.Duration, probe.Width, probe.Height, "h264", probe.HasAudio ? "aac" : null);
    }

    private async Task<VideoListing> LoadAsync(Guid id)
    {
        await using var scope = _host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().Videos.AsNoTracking().SingleAsync(v => v.Id == id);
    }

    /// <summary>Copies every stored file of the attempt folder holding <paramref name="key"/> into a local folder.</summary>
    private async Task<string> DownloadAsync(string key)
    {
        var prefix = FolderOf(key);
        var target = Directory.CreateDirectory(Path.Combine(_clips, "out-" + Guid.NewGuid().ToString("n"))).FullName;
        foreach (var stored in await StoredKeysAsync(prefix))
        {
            var path = Path.Combine(target, stored[prefix.Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using var file = await Storage.OpenReadAsync(stored, CancellationToken.None);
            file.Should().NotBeNull();
            file!.ContentType.Should().Be(MediaContentTypes.For(stored));
            await using var output = File.Create(path);
            await file.Content.CopyToAsync(output);
        }

        return target;
    }

    private static string Relative(VideoListing video, string key) => key[FolderOf(video.MasterPlaylistKey!).Length..];

    private static string FolderOf(string key) => key[..(key.LastIndexOf('/') + 1)];

    private async Task<IReadOnlyList<string>> StoredKeysAsync(string prefix)
    {
        if (Storage is LocalDiskMediaStorage local)
        {
            var folder = Path.Combine(local.Root, prefix);
            return Directory.Exists(folder)
                ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(local.Root, f).Replace('\\', '/'))]
                : [];
        }

        return await (await S3Server.GetAsync()).ListAsync(_s3!["Media:S3:Bucket"]!, prefix);
    }

    private sealed record Probe(int Width, int Height, int Rotation, double Duration, bool HasAudio);

    private static async Task<Probe> ProbeAsync(string path)
    {
        using var json = JsonDocument.Parse(await TestClips.ProbeAsync(path));
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        var video = streams.First(s => s.GetProperty("codec_type").GetString() == "video");
        var rotation = video.TryGetProperty("side_data_list", out var side)
            ? side.EnumerateArray().Where(d => d.TryGetProperty("rotation", out _)).Select(d => d.GetProperty("rotation").GetInt32()).FirstOrDefault()
            : 0;
        var duration = json.RootElement.GetProperty("format").TryGetProperty("duration", out var d)
            ? double.Parse(d.GetString()!, CultureInfo.InvariantCulture)
            : 0;
        return new Probe(video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32(), rotation, duration,
            streams.Exists(s => s.GetProperty("codec_type").GetString() == "audio"));
    }

    private static async Task PlaysToTheEndAsync(string playlist) =>
        await TestClips.RunAsync("ffmpeg", ["-v", "error", "-i", playlist, "-f", "null", "-"]);

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> box) => bytes.AsSpan().IndexOf(box);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_clips, recursive: true);
    }
}

public sealed class VideoPipelineOnLocalDiskTests() : VideoPipelineTests(DatabaseProvider.Sqlite, MediaProvider.Local);

public sealed class VideoPipelineOnS3Tests() : VideoPipelineTests(DatabaseProvider.Postgres, MediaProvider.S3);
