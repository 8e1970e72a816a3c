using System.Globalization;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Media;

namespace RuralMarket.Web.Features.SellerVideos;

/// <summary>Where a video stands, in the seller's words.</summary>
public sealed record VideoState(string Label, string CssClass, string? Detail, bool IsProblem = false, bool IsHidden = false)
{
    public static VideoState Of(VideoStatus status, bool published, ModerationState moderation, string? failureReason, string? hiddenReason) =>
        moderation == ModerationState.Hidden
            ? new("Hidden by moderator", "out", hiddenReason, IsProblem: true, IsHidden: true)
            : status switch
            {
                VideoStatus.Uploading => new("Uploading", "", "The upload has not finished yet."),
                VideoStatus.Processing => new("Processing", "", "We are converting it for slow connections. This usually takes a minute or two; reload the page to see it."),
                VideoStatus.Failed => new("Failed", "out", failureReason, IsProblem: true),
                _ when published => new("Published", "status-active", "Buyers can watch it in your shop."),
                _ => new("Ready", "", "Ready to publish: buyers cannot see it until you do."),
            };
}

/// <summary>One row of the seller's video list.</summary>
public sealed record SellerVideoRow(Guid Id, string Title, VideoState State, string? PosterUrl, double DurationSeconds, int TagCount, DateTime CreatedAt)
{
    public string Length => SellerVideoText.Clock(DurationSeconds);
}

/// <summary>A tag on the video with the product's title, for the detail page.</summary>
public sealed record SellerVideoTag(Guid Id, Guid ProductId, string ProductTitle, int StartSecond, int? EndSecond)
{
    public string When => EndSecond is { } end
        ? $"{SellerVideoText.Clock(StartSecond)}–{SellerVideoText.Clock(end)}"
        : $"from {SellerVideoText.Clock(StartSecond)}";
}

public sealed record TaggableProduct(Guid Id, string Title);

/// <summary>Everything the detail page shows about one of the seller's videos.</summary>
public sealed record SellerVideoDetail(
    Guid Id,
    string Title,
    string Description,
    VideoStatus Status,
    VideoState State,
    bool Published,
    bool CanPublish,
    bool CanRetry,
    bool CanTag,
    double DurationSeconds,
    string? PosterUrl,
    string? Mp4Url,
    string? CaptionsUrl,
    IReadOnlyList<int> Rungs,
    IReadOnlyList<SellerVideoTag> Tags,
    AppealStatus Appeal,
    DateTime? AppealedAt,
    bool CanAppeal,
    int Version)
{
    public int LastSecond => (int)Math.Ceiling(DurationSeconds);

    public string Length => SellerVideoText.Clock(DurationSeconds);
}

public static class SellerVideoText
{
    /// <summary>"0:07", "1:05", "12:30".</summary>
    public static string Clock(double seconds)
    {
        var whole = (int)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}");
    }

    public static string MediaUrl(string key) => "/media/" + key;
}
