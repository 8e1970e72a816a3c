using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using RuralMarket.Infrastructure.Media;

namespace RuralMarket.Web.Endpoints;

/// <summary>
/// Serves stored media under <c>/media/{key}</c>: the content type from the key, range requests, and
/// year-long immutable caching for images and a video's transcoded files (their keys are unique per upload or
/// transcode attempt, so they never change); HLS playlists are cached briefly. Invalid or missing keys are a
/// plain 404; there is no listing.
/// </summary>
public static class MediaEndpoints
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>Playlists: a player re-reading one soon after sees the same, a fixed one reaches everyone within a minute.</summary>
    public const string PlaylistCacheControl = "public, max-age=30";

    private const string ShortCacheControl = "public, max-age=60";

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/media/{**key}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(string? key, HttpContext context, IMediaStorage storage, CancellationToken cancellationToken)
    {
        // A missing photo should cost a few bytes on a slow link, not the HTML error page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        if (!MediaKey.IsValid(key))
        {
            return Results.NotFound();
        }

        var file = await storage.OpenReadAsync(key, cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = CacheControlFor(key);
        var etag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\""));
        return Results.Stream(file.Content, file.ContentType, lastModified: file.LastModified, entityTag: etag, enableRangeProcessing: true);
    }

    public static string CacheControlFor(string key) =>
        key.EndsWith(".m3u8", StringComparison.Ordinal) ? PlaylistCacheControl
        : MediaContentTypes.IsImage(key) || IsVideoOutput(key) || key.EndsWith(".vtt", StringComparison.Ordinal) ? ImmutableCacheControl
        : ShortCacheControl;

    /// <summary>A file of a transcode attempt, <c>videos/{id}/{attempt}/…</c> (not the seller's source beside them).</summary>
    private static bool IsVideoOutput(string key) =>
        key.StartsWith("videos/", StringComparison.Ordinal) && key.Count(c => c == '/') >= 3;
}
