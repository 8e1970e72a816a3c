using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using RuralMarket.Infrastructure.Media;

namespace RuralMarket.Web.Endpoints;

/// <summary>
/// Serves stored media under <c>/media/{key}</c>: the content type from the key, range requests, and
/// year-long immutable caching for images (their keys are unique per upload, so they never change).
/// Invalid or missing keys are a plain 404; there is no listing.
/// </summary>
public static class MediaEndpoints
{
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

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

        context.Response.Headers.CacheControl = MediaContentTypes.IsImage(key) ? ImmutableCacheControl : ShortCacheControl;
        var etag = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\""));
        return Results.Stream(file.Content, file.ContentType, lastModified: file.LastModified, entityTag: etag, enableRangeProcessing: true);
    }
}
