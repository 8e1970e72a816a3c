using RuralMarket.Infrastructure.Media;

namespace RuralMarket.Infrastructure.Tests.Media;

public sealed class LocalDiskMediaStorageTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rm-media-").FullName;

    private LocalDiskMediaStorage Storage => new(_root);

    [Fact]
    public async Task A_saved_file_reads_back_with_its_length_and_content_type()
    {
        await SaveAsync("products/abc/640.webp", "hello");

        await using var file = await Storage.OpenReadAsync("products/abc/640.webp", CancellationToken.None);

        file.Should().NotBeNull();
        file!.Length.Should().Be(5);
        file.ContentType.Should().Be("image/webp");
        file.Content.CanSeek.Should().BeTrue("range requests need to seek");
        (await new StreamReader(file.Content).ReadToEndAsync()).Should().Be("hello");
    }

    [Theory]
    [InlineData("videos/v1/master.m3u8", "application/vnd.apple.mpegurl")]
    [InlineData("videos/v1/seg-1.m4s", "video/iso.segment")]
    [InlineData("videos/v1/poster.jpg", "image/jpeg")]
    [InlineData("exports/x.html", "application/octet-stream")]
    public void Content_types_come_from_the_key_and_never_say_html(string key, string type) =>
        MediaContentTypes.For(key).Should().Be(type);

    [Theory]
    [InlineData("../outside.webp")]
    [InlineData("products/../../outside.webp")]
    [InlineData("/etc/passwd")]
    [InlineData("products//a.webp")]
    [InlineData("products/.hidden")]
    [InlineData("Products/A.webp")]
    [InlineData("products\\a.webp")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_root_or_are_not_ours_are_refused(string key)
    {
        MediaKey.IsValid(key).Should().BeFalse();
        (await Storage.OpenReadAsync(key, CancellationToken.None)).Should().BeNull();
        var save = () => SaveAsync(key, "x");
        await save.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task A_missing_file_reads_as_null_and_deleting_it_is_fine()
    {
        (await Storage.OpenReadAsync("products/none.webp", CancellationToken.None)).Should().BeNull();
        await Storage.DeleteAsync("products/none.webp", CancellationToken.None);
        await Storage.DeleteByPrefixAsync("products/none/", CancellationToken.None);
    }

    [Fact]
    public async Task Deleting_by_prefix_removes_a_folder_or_files_starting_with_a_name_and_nothing_else()
    {
        await SaveAsync("products/p1/img1/320.webp", "a");
        await SaveAsync("products/p1/img1/640x480.webp", "b");
        await SaveAsync("products/p1/img2/320.webp", "c");
        await SaveAsync("products/p1/other-320.webp", "d");
        await SaveAsync("products/p1/other-640.webp", "e");
        await SaveAsync("products/p1/keep.webp", "f");

        await Storage.DeleteByPrefixAsync("products/p1/img1/", CancellationToken.None);
        await Storage.DeleteByPrefixAsync("products/p1/other-", CancellationToken.None);

        Files().Should().Equal("products/p1/img2/320.webp", "products/p1/keep.webp");
    }

    [Fact]
    public async Task A_failed_write_leaves_no_file()
    {
        var failing = new FailingStream();

        var save = () => Storage.SaveAsync("products/p/broken.webp", failing, CancellationToken.None);

        await save.Should().ThrowAsync<IOException>();
        Files().Should().BeEmpty();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task SaveAsync(string key, string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await Storage.SaveAsync(key, content, CancellationToken.None);
    }

    private List<string> Files() =>
        [.. Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position > 10 ? throw new IOException("The connection dropped.") : base.ReadAsync(buffer[..5], cancellationToken);
    }
}
