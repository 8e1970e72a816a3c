using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Media.Video.Upload;

/// <summary>
/// Uploads in progress on local disk under <c>{Storage:DataDirectory}/uploads</c>: <c>{id}.bin</c> holds the bytes
/// received so far (kept when a connection breaks, so the client resumes from there) and <c>{id}.json</c> the owner,
/// length, metadata and expiry. One writer per upload at a time (in this process: local disk means one instance).
/// </summary>
public sealed class VideoUploadStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, byte> _writing = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly IOptions<VideoUploadOptions> _options;

    public VideoUploadStore(IOptions<StorageOptions> storage, IHostEnvironment environment, IOptions<VideoUploadOptions> options, TimeProvider clock)
    {
        Root = Path.Combine(DataPaths.Resolve(storage.Value, environment), "uploads");
        _options = options;
        _clock = clock;
    }

    /// <summary>The folder that holds every upload in progress.</summary>
    public string Root { get; }

    /// <summary>Upload ids are 32 lower-case hex digits: nothing else ever reaches the file system.</summary>
    public static bool IsValidId([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public string DataPath(string id) => Path.Combine(Root, Require(id) + ".bin");

    public async Task<VideoUpload> CreateAsync(Guid sellerId, long length, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Directory.CreateDirectory(Root);
        var now = _clock.GetUtcNow().UtcDateTime;
        var upload = new VideoUpload(Guid.NewGuid().ToString("n"), sellerId, length, 0, metadata, now, now + _options.Value.ExpireAfter);
        await using (new FileStream(DataPath(upload.Id), FileMode.CreateNew, FileAccess.Write))
        {
        }

        await WriteInfoAsync(upload, cancellationToken);
        return upload;
    }

    /// <summary>The upload with its current offset, or null when the id is malformed, unknown or expired.</summary>
    public async Task<VideoUpload?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsValidId(id))
        {
            return null;
        }

        VideoUpload? upload;
        try
        {
            await using var info = File.OpenRead(InfoPath(id));
            upload = await JsonSerializer.DeserializeAsync<VideoUpload>(info, Json, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }

        var data = new FileInfo(DataPath(id));
        if (upload is null || !data.Exists || upload.ExpiresAt <= _clock.GetUtcNow().UtcDateTime)
        {
            return null;
        }

        return upload with { Offset = data.Length };
    }

    /// <summary>
    /// Appends the body at <paramref name="offset"/>, which must be the stored offset (else nothing is written).
    /// Whatever arrives before the body breaks off is kept. Reading is cancelled by <paramref name="cancellationToken"/>;
    /// writing what was read is not.
    /// </summary>
    public async Task<AppendResult> AppendAsync(VideoUpload upload, long offset, Stream body, CancellationToken cancellationToken)
    {
        if (!_writing.TryAdd(upload.Id, 0))
        {
            return new AppendResult(AppendOutcome.Busy, upload.Offset, upload.ExpiresAt);
        }

        try
        {
            var path = DataPath(upload.Id);
            var stored = new FileInfo(path).Length;
            if (offset != stored)
            {
                return new AppendResult(AppendOutcome.OffsetMismatch, stored, upload.ExpiresAt);
            }

            var outcome = AppendOutcome.Appended;
            var written = 0L;
            var remaining = upload.Length - stored;
            var buffer = new byte[81920];
            await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1, useAsync: true))
            {
                try
                {
                    while (true)
                    {
                        var read = await body.ReadAsync(buffer, cancellationToken);
                        if (read == 0)
                        {
                            break;
                        }

                        var take = (int)Math.Min(read, remaining - written);
                        await file.WriteAsync(buffer.AsMemory(0, take), CancellationToken.None);
                        written += take;
                        if (take < read)
                        {
                            outcome = AppendOutcome.PastLength;
                            break;
                        }
                    }
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    // The connection broke mid-body: keep every byte that arrived, the client asks HEAD and goes on.
                    outcome = AppendOutcome.Interrupted;
                }

                await file.FlushAsync(CancellationToken.None);
            }

            // Each piece that arrives gives the seller another full period to finish (a weak link may take days).
            var now = _clock.GetUtcNow().UtcDateTime;
            var updated = upload with { Offset = stored + written, ExpiresAt = written > 0 ? now + _options.Value.ExpireAfter : upload.ExpiresAt };
            await WriteInfoAsync(updated, CancellationToken.None);
            return new AppendResult(outcome, updated.Offset, updated.ExpiresAt);
        }
        finally
        {
            _writing.TryRemove(upload.Id, out _);
        }
    }

    /// <summary>Removes the upload's files; false when another request is writing to it right now.</summary>
    public bool TryDelete(string id)
    {
        using var claim = TryClaim(id);
        if (claim is null)
        {
            return false;
        }

        claim.DeleteFiles();
        return true;
    }

    /// <summary>
    /// Keeps every other request off the upload (writes, deletes, another finish) until disposed; null when another
    /// request holds it. Finishing holds it, so a double-clicked "save" cannot make two videos of one upload.
    /// </summary>
    public UploadClaim? TryClaim(string id) => _writing.TryAdd(Require(id), 0) ? new UploadClaim(this, id) : null;

    /// <summary>One request's hold on an upload.</summary>
    public sealed class UploadClaim(VideoUploadStore store, string id) : IDisposable
    {
        public void DeleteFiles()
        {
            File.Delete(store.DataPath(id));
            File.Delete(store.InfoPath(id));
        }

        public void Dispose() => store._writing.TryRemove(id, out _);
    }

    /// <summary>Deletes uploads past their expiry, and files left without their partner (a crash between two writes).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(Root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Path.GetFileNameWithoutExtension(file);
            var extension = Path.GetExtension(file);
            if (extension == ".json" && IsValidId(id))
            {
                var upload = await ReadInfoAsync(file, cancellationToken);
                if ((upload is null || upload.ExpiresAt <= now) && TryDelete(id))
                {
                    deleted++;
                }
            }
            else if (IsStale(file, now))
            {
                // A data file without info, a form upload or an info file's temp copy that outlived its request.
                File.Delete(file);
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>A new file for a plain form upload, under the same folder (so the sweep finds it if a request dies).</summary>
    public string NewFormUploadPath()
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"form-{Guid.NewGuid():n}.tmp");
    }

    private bool IsStale(string file, DateTime now)
    {
        var id = Path.GetFileNameWithoutExtension(file);
        if (Path.GetExtension(file) == ".bin" && IsValidId(id) && File.Exists(InfoPath(id)))
        {
            return false;
        }

        return File.GetLastWriteTimeUtc(file) + _options.Value.ExpireAfter <= now;
    }

    private async Task WriteInfoAsync(VideoUpload upload, CancellationToken cancellationToken)
    {
        var path = InfoPath(upload.Id);
        var temporary = path + "." + Guid.NewGuid().ToString("n") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(file, upload, Json, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static async Task<VideoUpload?> ReadInfoAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var info = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<VideoUpload>(info, Json, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException)
        {
            return null;
        }
    }

    private string InfoPath(string id) => Path.Combine(Root, Require(id) + ".json");

    private static string Require(string id) =>
        IsValidId(id) ? id : throw new ArgumentException($"'{id}' is not an upload id.", nameof(id));
}
