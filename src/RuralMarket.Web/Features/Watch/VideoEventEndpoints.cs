using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Media.Video.Analytics;
using RuralMarket.Web.Infrastructure;

namespace RuralMarket.Web.Features.Watch;

/// <summary>
/// <c>POST /videos/{id}/events</c>: what player.js reports with <c>navigator.sendBeacon</c> — a small form with
/// <c>type</c> = play | complete | tagclick (and <c>productId</c> for a tag click). 204 when taken (counted, or already
/// counted for this viewer recently); 400 for a malformed event or a product the video does not tag; 404 for a video
/// the storefront does not show; 403 from another site. Nothing is written unless it counts.
/// </summary>
public static class VideoEventEndpoints
{
    public const string Play = "play";
    public const string Complete = "complete";
    public const string TagClick = "tagclick";

    /// <summary>A beacon is a few dozen bytes; anything much bigger is not ours.</summary>
    private const long MaxBodyBytes = 1024;

    public static IEndpointRouteBuilder MapVideoEvents(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/videos/{id:guid}/events", RecordAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> RecordAsync(
        Guid id,
        HttpContext context,
        RuralMarketDbContext db,
        ViewerEventThrottle throttle,
        VideoTagClickRecorder clicks,
        IOptions<PublicUrlOptions> publicUrl,
        CancellationToken cancellationToken)
    {
        if (!SameOriginFormsFilter.IsSameOrigin(context.Request, publicUrl.Value.PublicBaseUrl))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Video events are accepted only from this site's pages.");
        }

        if (!context.Request.HasFormContentType || context.Request.ContentLength is null or > MaxBodyBytes)
        {
            return BadEvent("Send a small form: type=play, complete or tagclick (with productId).");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var type = form["type"].ToString();
        var viewer = ViewerKeys.ForThrottle(context);
        switch (type)
        {
            case Play or Complete:
            {
                var key = $"{type}|{id:N}|{viewer}";
                if (!throttle.TryCount(key, ViewerEventThrottle.PlayWindow))
                {
                    return Results.NoContent();
                }

                if (!await db.IncrementAsync(id, type == Play ? VideoCounter.Plays : VideoCounter.Completions, cancellationToken))
                {
                    throttle.Forget(key);
                    return NoSuchVideo();
                }

                return Results.NoContent();
            }

            case TagClick:
            {
                if (!Guid.TryParse(form["productId"].ToString(), out var productId) || productId == Guid.Empty)
                {
                    return BadEvent("A tag click needs the productId of the product tapped.");
                }

                var tags = await clicks.TagsProductAsync(id, productId, cancellationToken);
                if (tags is null)
                {
                    return NoSuchVideo();
                }

                if (tags == false)
                {
                    return BadEvent("This video does not show that product.");
                }

                if (throttle.TryCount($"{TagClick}|{id:N}|{productId:N}|{viewer}", ViewerEventThrottle.TagClickWindow))
                {
                    await clicks.RecordAsync(id, productId, ViewerKeys.Of(context), addedToCart: false, cancellationToken);
                }

                return Results.NoContent();
            }

            default:
                return BadEvent("The event type must be play, complete or tagclick.");
        }
    }

    private static IResult BadEvent(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "That is not a video event we understand.", detail: detail);

    private static IResult NoSuchVideo() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such video to watch.");
}
