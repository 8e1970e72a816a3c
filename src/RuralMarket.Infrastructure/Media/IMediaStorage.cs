namespace RuralMarket.Infrastructure.Media;

/// <summary>
/// Where uploaded and generated media live (product photos today; video renditions and posters later).
/// Keys are made by the app (<see cref="MediaKey"/>), never from a user's file name, and a key names one
/// immutable file: a new version of something gets a new key.
/// </summary>
public interface IMediaStorage
{
    /// <summary>Stores the content under the key, replacing nothing half-written: readers see all or nothing.</summary>
    Task SaveAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when there is none. The caller disposes the content.</summary>
    Task<MediaFile?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes one file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes every file whose key starts with the prefix (a whole "folder" such as <c>products/{id}/</c>).</summary>
    Task DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>A stored file opened for reading; the content is seekable so range requests can be served.</summary>
public sealed record MediaFile(Stream Content, long Length, DateTimeOffset LastModified, string ContentType) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
