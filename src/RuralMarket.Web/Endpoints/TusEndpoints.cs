using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media.Video.Probe;
using RuralMarket.Infrastructure.Media.Video.Upload;
using RuralMarket.Infrastructure.Settings;
using RuralMarket.Web.Infrastructure;

namespace RuralMarket.Web.Endpoints;

/// <summary>
/// Our tus 1.0.0 server for seller videos (core, creation, termination, expiration): POST creates an upload, HEAD
/// says how much has arrived, PATCH appends at that offset (keeping whatever arrives before a connection breaks),
/// DELETE abandons it. Only a signed-in seller whose shop is approved may use it, and an upload answers only to the
/// seller who created it (anyone else gets 404). Finishing an upload into a video is the upload page's "finish" post.
/// <para>
/// No antiforgery token: every request but OPTIONS must carry the <c>Tus-Resumable</c> header (412 otherwise), and a
/// page on another site cannot add a custom header without a CORS preflight, which this app never approves; the auth
/// cookie is SameSite=Lax, so another site's requests do not carry it anyway; and a browser that says where a request
/// comes from (<c>Sec-Fetch-Site</c> or <c>Origin</c>) must name this site (403 otherwise). Non-browser clients
/// (tus-js-client in Node, curl) send neither header and are judged by their cookie alone.
/// </para>
/// </summary>
public static class TusEndpoints
{
    public const string Route = "/uploads/videos";
    public const string TusVersion = "1.0.0";
    public const string Extensions = "creation,termination,expiration";
    public const string OffsetContentType = "application/offset+octet-stream";

    private const string SellerIdItem = "tus.seller";
    private const int MaxMetadataLength = 4096;

    public static IEndpointRouteBuilder MapTusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Route, [HttpMethods.Options], CapabilitiesAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapMethods(Route + "/{id}", [HttpMethods.Options], CapabilitiesAsync).AllowAnonymous().ExcludeFromDescription();

        var uploads = endpoints.MapGroup(Route)
            .RequireAuthorization(WebSetup.SellerPolicy)
            .AddEndpointFilter(RequireTusFromApprovedSellerAsync)
            .ExcludeFromDescription();
        uploads.MapPost("", CreateAsync);
        uploads.MapMethods("/{id}", [HttpMethods.Head], HeadAsync);
        uploads.MapMethods("/{id}", [HttpMethods.Patch], PatchAsync);
        uploads.MapDelete("/{id}", Delete);
        return endpoints;
    }

    private static async Task<IResult> CapabilitiesAsync(HttpContext context, PlatformSettings settings)
    {
        var limits = await settings.VideoUploadLimitsAsync(context.RequestAborted);
        var headers = context.Response.Headers;
        headers["Tus-Version"] = TusVersion;
        headers["Tus-Extension"] = Extensions;
        headers["Tus-Max-Size"] = limits.MaxBytes.ToString(CultureInfo.InvariantCulture);
        return Results.NoContent();
    }

    private static async ValueTask<object?> RequireTusFromApprovedSellerAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        // Our answers are for an upload client: no HTML error pages in place of an empty 404.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        context.Response.Headers["Tus-Resumable"] = TusVersion;
        if (context.Request.Headers["Tus-Resumable"] != TusVersion)
        {
            context.Response.Headers["Tus-Version"] = TusVersion;
            return Results.Problem($"This endpoint speaks tus {TusVersion}: send the header Tus-Resumable: {TusVersion}.", statusCode: StatusCodes.Status412PreconditionFailed);
        }

        var request = context.Request;
        var browserSaysWhere = request.Headers.ContainsKey("Sec-Fetch-Site") || request.Headers.ContainsKey("Origin");
        var publicUrl = context.RequestServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value.PublicBaseUrl;
        if (browserSaysWhere && !SameOriginFormsFilter.IsSameOrigin(request, publicUrl))
        {
            return Results.Problem("Uploads are only accepted from this site's own pages.", statusCode: StatusCodes.Status403Forbidden);
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = context.RequestServices.GetRequiredService<RuralMarketDbContext>();
        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.OwnerUserId == userId)
            .Select(s => new { s.Id, s.Status })
            .SingleOrDefaultAsync(context.RequestAborted);
        if (seller is null)
        {
            return Results.NotFound();
        }

        if (seller.Status != SellerStatus.Approved)
        {
            return Results.Problem("Only approved shops can upload videos.", statusCode: StatusCodes.Status403Forbidden);
        }

        context.Items[SellerIdItem] = seller.Id;
        return await next(invocation);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, VideoUploadStore store, PlatformSettings settings)
    {
        var headers = context.Request.Headers;
        if (!long.TryParse(headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Results.Problem(headers.ContainsKey("Upload-Defer-Length")
                ? "Say the file's size up front (Upload-Length); uploads of unknown length are not supported."
                : "Send the file's size in bytes as Upload-Length.", statusCode: StatusCodes.Status400BadRequest);
        }

        var maxBytes = (await settings.VideoUploadLimitsAsync(context.RequestAborted)).MaxBytes;
        if (length > maxBytes)
        {
            return Results.Problem(VideoFileRules.TooLarge(length, maxBytes), statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (!TryParseMetadata(headers["Upload-Metadata"].ToString(), out var metadata))
        {
            return Results.Problem("Upload-Metadata must be comma-separated pairs of a key and a base64 value.", statusCode: StatusCodes.Status400BadRequest);
        }

        var upload = await store.CreateAsync(SellerId(context), length, metadata, context.RequestAborted);
        context.Response.Headers["Upload-Expires"] = HttpDate(upload.ExpiresAt);
        return Results.Created($"{Route}/{upload.Id}", null);
    }

    private static async Task<IResult> HeadAsync(string id, HttpContext context, VideoUploadStore store)
    {
        var upload = await FindOwnAsync(id, context, store);
        if (upload is null)
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Upload-Offset"] = upload.Offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Length"] = upload.Length.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Expires"] = HttpDate(upload.ExpiresAt);
        if (upload.Metadata.Count > 0)
        {
            headers["Upload-Metadata"] = string.Join(',', upload.Metadata.Select(m => $"{m.Key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(m.Value))}"));
        }

        return Results.Ok();
    }

    private static async Task<IResult> PatchAsync(string id, HttpContext context, VideoUploadStore store)
    {
        var request = context.Request;
        if (!string.Equals(request.ContentType, OffsetContentType, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem($"Send the bytes as Content-Type: {OffsetContentType}.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (!long.TryParse(request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return Results.Problem("Say where these bytes go with Upload-Offset.", statusCode: StatusCodes.Status400BadRequest);
        }

        var upload = await FindOwnAsync(id, context, store);
        if (upload is null)
        {
            return Results.NotFound();
        }

        var remaining = upload.Length - upload.Offset;
        if (request.ContentLength > remaining && offset == upload.Offset)
        {
            return Results.Problem("These bytes go past the upload's declared length.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        // Kestrel's usual ~28.6 MB cap is for forms; a tus piece may be as large as what is left of the file (one
        // byte more lets a too-long chunked body be noticed). A weak link may stall: give it time before dropping it.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = remaining + 1;
        }

        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } dataRate)
        {
            dataRate.MinDataRate = new MinDataRate(bytesPerSecond: 50, gracePeriod: TimeSpan.FromSeconds(30));
        }

        var result = await store.AppendAsync(upload, offset, request.Body, context.RequestAborted);
        context.Response.Headers["Upload-Offset"] = result.Offset.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Upload-Expires"] = HttpDate(result.ExpiresAt);
        return result.Outcome switch
        {
            AppendOutcome.OffsetMismatch => Results.Problem(
                string.Create(CultureInfo.InvariantCulture, $"The upload is at byte {result.Offset}, not {offset}: ask with HEAD and send from there."),
                statusCode: StatusCodes.Status409Conflict),
            AppendOutcome.Busy => Results.Problem("Another request is sending this upload right now; try again in a moment.", statusCode: StatusCodes.Status423Locked),
            AppendOutcome.PastLength => Results.Problem("These bytes go past the upload's declared length; the part that fits was kept.", statusCode: StatusCodes.Status413PayloadTooLarge),
            _ => Results.NoContent(),
        };
    }

    private static async Task<IResult> Delete(string id, HttpContext context, VideoUploadStore store)
    {
        var upload = await FindOwnAsync(id, context, store);
        if (upload is null)
        {
            return Results.NotFound();
        }

        return store.TryDelete(upload.Id)
            ? Results.NoContent()
            : Results.Problem("This upload is still receiving data; try again in a moment.", statusCode: StatusCodes.Status423Locked);
    }

    /// <summary>The upload if it exists, has not expired, and belongs to the signed-in seller; another seller's id looks missing.</summary>
    private static async Task<VideoUpload?> FindOwnAsync(string id, HttpContext context, VideoUploadStore store)
    {
        var upload = await store.FindAsync(id, context.RequestAborted);
        return upload is not null && upload.SellerId == SellerId(context) ? upload : null;
    }

    private static Guid SellerId(HttpContext context) => (Guid)context.Items[SellerIdItem]!;

    private static string HttpDate(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToString("R", CultureInfo.InvariantCulture);

    private static bool TryParseMetadata(string header, out Dictionary<string, string> metadata)
    {
        metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        if (header.Length > MaxMetadataLength)
        {
            return false;
        }

        foreach (var pair in header.Split(','))
        {
            var parts = pair.Trim().Split(' ');
            if (parts.Length is < 1 or > 2 || parts[0].Length == 0 || metadata.ContainsKey(parts[0]))
            {
                return false;
            }

            var value = "";
            if (parts.Length == 2)
            {
                var bytes = new byte[parts[1].Length];
                if (!Convert.TryFromBase64String(parts[1], bytes, out var written))
                {
                    return false;
                }

                value = Encoding.UTF8.GetString(bytes, 0, written);
            }

            metadata[parts[0]] = value;
        }

        return true;
    }
}
