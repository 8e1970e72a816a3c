using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Media;

/// <summary>Media on the local disk under one root folder (by default <c>.data/media</c>).</summary>
public sealed class LocalDiskMediaStorage : IMediaStorage
{
    private readonly string _root;

    public LocalDiskMediaStorage(IOptions<MediaOptions> media, IOptions<StorageOptions> storage, IHostEnvironment environment)
    {
        var configured = media.Value.RootPath;
        _root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(DataPaths.Resolve(storage.Value, environment), "media")
            : Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured));
    }

    public LocalDiskMediaStorage(string root) => _root = Path.GetFullPath(root);

    public string Root => _root;

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Write beside the target and rename: a reader never sees half a file, a failed write leaves none.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<MediaFile?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKey.IsValid(key))
        {
            return Task.FromResult<MediaFile?>(null);
        }

        var info = new FileInfo(PathOf(key));
        if (!info.Exists)
        {
            return Task.FromResult<MediaFile?>(null);
        }

        try
        {
            var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, useAsync: true);
            return Task.FromResult<MediaFile?>(new MediaFile(stream, stream.Length, info.LastWriteTimeUtc, MediaContentTypes.For(key)));
        }
        catch (FileNotFoundException)
        {
            return Task.FromResult<MediaFile?>(null);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult<MediaFile?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    }

    public Task DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!MediaKey.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a valid media key prefix.", nameof(prefix));
        }

        var folderPrefix = prefix.EndsWith('/');
        var key = folderPrefix ? prefix[..^1] : prefix;
        var path = PathOf(key);
        if (folderPrefix)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            return Task.CompletedTask;
        }

        // "products/abc/img1" also matches "products/abc/img1-320.webp" and "products/abc/img1/…".
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        var name = Path.GetFileName(path);
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos(name + "*"))
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, MediaKey.Require(key)));
        // MediaKey already rules out traversal; this is the belt to its braces.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{key}' is outside the media root.", nameof(key));
    }
}
