using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Media;
using RuralMarket.Infrastructure.Media.S3;
using RuralMarket.Testing;

namespace RuralMarket.Infrastructure.Tests.Media;

/// <summary>The S3 storage against a real S3-compatible server (s3rver), through the app's own service registration.</summary>
public sealed class S3MediaStorageTests : IAsyncLifetime
{
    private ServiceProvider _services = null!;
    private string _bucket = null!;

    private IMediaStorage Storage => _services.GetRequiredService<IMediaStorage>();

    public async Task InitializeAsync()
    {
        var settings = await (await S3Server.GetAsync()).CreateBucketSettingsAsync();
        _bucket = settings["Media:S3:Bucket"]!;
        _services = Services(settings);
    }

    [Fact]
    public async Task The_S3_provider_is_chosen_by_configuration()
    {
        Storage.Should().BeOfType<S3MediaStorage>();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_saved_file_reads_back_with_its_length_type_and_date_and_seeks_like_a_file()
    {
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 251)).ToArray();
        await Storage.SaveAsync("videos/v1/a1/240p/seg-000.m4s", new MemoryStream(content), CancellationToken.None);

        await using var file = await Storage.OpenReadAsync("videos/v1/a1/240p/seg-000.m4s", CancellationToken.None);

        file.Should().NotBeNull();
        file!.Length.Should().Be(content.Length);
        file.ContentType.Should().Be("video/iso.segment");
        file.LastModified.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        file.Content.CanSeek.Should().BeTrue("range requests need to seek");
        file.Content.Seek(200_000, SeekOrigin.Begin);
        var tail = new byte[100];
        await file.Content.ReadExactlyAsync(tail);
        tail.Should().Equal(content[200_000..200_100]);
        file.Content.Position = 10;
        var head = new byte[5];
        await file.Content.ReadExactlyAsync(head);
        head.Should().Equal(content[10..15]);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_whole()
    {
        var content = new byte[70_000];
        Random.Shared.NextBytes(content);

        await Storage.SaveAsync("videos/v2/source.mp4", new ForwardOnlyStream(content), CancellationToken.None);

        await using var file = await Storage.OpenReadAsync("videos/v2/source.mp4", CancellationToken.None);
        using var copy = new MemoryStream();
        await file!.Content.CopyToAsync(copy);
        copy.ToArray().Should().Equal(content);
    }

    [Fact]
    public async Task Missing_and_invalid_keys_read_as_null_and_deleting_what_is_not_there_is_fine()
    {
        (await Storage.OpenReadAsync("videos/none/master.m3u8", CancellationToken.None)).Should().BeNull();
        (await Storage.OpenReadAsync("../etc/passwd", CancellationToken.None)).Should().BeNull();
        await Storage.DeleteAsync("videos/none/master.m3u8", CancellationToken.None);
        await Storage.DeleteByPrefixAsync("videos/none/", CancellationToken.None);
        var save = () => Storage.SaveAsync("Videos/X.mp4", new MemoryStream([1]), CancellationToken.None);
        await save.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Deleting_by_prefix_removes_that_folder_and_nothing_else()
    {
        foreach (var key in new[] { "videos/v3/a/master.m3u8", "videos/v3/a/240p/seg-000.m4s", "videos/v3/source.mp4", "videos/v30/poster.webp" })
        {
            await Storage.SaveAsync(key, new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        await Storage.DeleteByPrefixAsync("videos/v3/", CancellationToken.None);

        (await (await S3Server.GetAsync()).ListAsync(_bucket, "videos/")).Should().Equal("videos/v30/poster.webp");
    }

    [Fact]
    public async Task Deleting_one_file_leaves_its_neighbours()
    {
        await Storage.SaveAsync("videos/v4/a.vtt", new MemoryStream([1]), CancellationToken.None);
        await Storage.SaveAsync("videos/v4/b.vtt", new MemoryStream([2]), CancellationToken.None);

        await Storage.DeleteAsync("videos/v4/a.vtt", CancellationToken.None);

        (await (await S3Server.GetAsync()).ListAsync(_bucket, "videos/v4/")).Should().Equal("videos/v4/b.vtt");
    }

    [Fact]
    public void S3_without_a_bucket_or_keys_is_refused_at_start_with_a_clear_message()
    {
        using var services = Services(new Dictionary<string, string?> { ["Media:Provider"] = "S3", ["Media:S3:ServiceUrl"] = "not a url" });

        var read = () => services.GetRequiredService<IOptions<S3MediaOptions>>().Value;

        read.Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("Media:S3:Bucket").And.Contain("Media:S3:AccessKey").And.Contain("ServiceUrl");
    }

    [Fact]
    public void Local_storage_needs_no_S3_settings()
    {
        using var services = Services(new Dictionary<string, string?> { ["Media:RootPath"] = Path.GetTempPath() });

        services.GetRequiredService<IOptions<S3MediaOptions>>().Value.Bucket.Should().BeNull();
        services.GetRequiredService<IMediaStorage>().Should().BeOfType<LocalDiskMediaStorage>();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath(), EnvironmentName = "Testing" });
        services.AddOptions<RuralMarket.Infrastructure.Data.StorageOptions>();
        services.AddMediaStorage();
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
