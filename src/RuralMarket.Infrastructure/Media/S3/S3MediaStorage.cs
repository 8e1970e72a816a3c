using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace RuralMarket.Infrastructure.Media.S3;

/// <summary>
/// Media in an S3-compatible bucket (AWS S3, MinIO, s3rver). A key is an object name. Reads are served as a
/// seekable stream that fetches byte ranges on demand, so <c>/media/{key}</c> range requests keep working.
/// </summary>
public sealed class S3MediaStorage : IMediaStorage, IDisposable
{
    private const int DeleteBatchSize = 1000;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;

    public S3MediaStorage(IOptions<S3MediaOptions> options)
    {
        var settings = options.Value;
        _bucket = settings.Bucket!;
        var config = new AmazonS3Config
        {
            ForcePathStyle = settings.ForcePathStyle,
            AuthenticationRegion = settings.Region,
            // Checksums only where S3 demands them: self-hosted stores do not all understand the newer trailers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(settings.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
        }
        else
        {
            config.ServiceURL = settings.ServiceUrl;
        }

        _client = new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config);
    }

    public async Task SaveAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        MediaKey.Require(key);
        // S3 needs the length up front; a stream that cannot tell is spooled to a temp file first.
        Stream body = content;
        FileStream? spool = null;
        try
        {
            if (!content.CanSeek)
            {
                spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await content.CopyToAsync(spool, cancellationToken);
                spool.Position = 0;
                body = spool;
            }

            // A PUT replaces the object atomically: readers see the old one or the new one, never half.
            await _client.PutObjectAsync(new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = body,
                AutoCloseStream = false,
                ContentType = MediaContentTypes.For(key),
                UseChunkEncoding = false,
            }, cancellationToken);
        }
        finally
        {
            if (spool is not null)
            {
                await spool.DisposeAsync();
            }
        }
    }

    public async Task<MediaFile?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKey.IsValid(key))
        {
            return null;
        }

        GetObjectMetadataResponse head;
        try
        {
            head = await _client.GetObjectMetadataAsync(_bucket, key, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var lastModified = head.LastModified is { } modified
            ? new DateTimeOffset(DateTime.SpecifyKind(modified.ToUniversalTime(), DateTimeKind.Utc))
            : DateTimeOffset.UnixEpoch;
        var stream = new S3RangeReadStream(_client, _bucket, key, head.ContentLength);
        return new MediaFile(stream, head.ContentLength, lastModified, MediaContentTypes.For(key));
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        MediaKey.Require(key);
        await _client.DeleteObjectAsync(_bucket, key, cancellationToken);
    }

    public async Task DeleteByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!MediaKey.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"'{prefix}' is not a valid media key prefix.", nameof(prefix));
        }

        string? continuation = null;
        do
        {
            var page = await _client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = _bucket,
                Prefix = prefix,
                ContinuationToken = continuation,
                MaxKeys = DeleteBatchSize,
            }, cancellationToken);
            var keys = page.S3Objects ?? [];
            // One by one rather than DeleteObjects: that needs Content-MD5, which not every S3-compatible store checks alike.
            foreach (var item in keys)
            {
                await _client.DeleteObjectAsync(_bucket, item.Key, cancellationToken);
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public void Dispose() => _client.Dispose();
}
