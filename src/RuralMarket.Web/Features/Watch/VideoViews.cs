using System.Globalization;
using RuralMarket.Domain.Common;

namespace RuralMarket.Web.Features.Watch;

/// <summary>A product tagged in a video, with when it appears and what the buyer needs to add it to their cart.</summary>
public sealed record VideoTagView(
    Guid ProductId,
    string Title,
    string Url,
    Money Price,
    string UnitLabel,
    int Stock,
    int StartSecond,
    int? EndSecond)
{
    public bool InStock => Stock > 0;

    public string StartLabel => VideoUrls.Clock(StartSecond);
}

/// <summary>What <c>_VideoPlayer.cshtml</c> renders: the sources, the poster, the captions and the tagged products.</summary>
public sealed record VideoPlayerView(
    Guid Id,
    string Title,
    string Mp4Url,
    string HlsUrl,
    string? PosterUrl,
    string? CaptionsUrl,
    int Width,
    int Height,
    double DurationSeconds,
    IReadOnlyList<VideoTagView> Tags)
{
    /// <summary>
    /// In a list (feed, product page): the poster is a lazy image linking to the video page, and the video element is
    /// made by player.js only when the viewer presses play. On the video page itself the video element is in the HTML.
    /// </summary>
    public bool Lazy { get; init; }

    /// <summary>The level of the "In this video" heading, so the partial fits the page's outline.</summary>
    public int HeadingLevel { get; init; } = 2;

    public string PageUrl => VideoUrls.Page(Id);

    public string DurationLabel => VideoUrls.Clock(DurationSeconds);
}

/// <summary>A video in a grid (seller page, "more from this seller", home): poster, title, length, link.</summary>
public sealed record VideoCardView(Guid Id, string Title, string SellerName, string SellerSlug, string? PosterUrl, double DurationSeconds)
{
    public string Url => VideoUrls.Page(Id);

    public string DurationLabel => VideoUrls.Clock(DurationSeconds);
}

/// <summary>One video in the watch feed: the player and who made it.</summary>
public sealed record FeedItemView(VideoPlayerView Player, string Description, string SellerName, string SellerSlug, string Place, double? DistanceKm)
{
    public string? DistanceLabel => DistanceKm is { } km ? km.ToString("N0", CultureInfo.InvariantCulture) + " km away" : null;
}

public static class VideoUrls
{
    public static string Page(Guid videoId) => $"/v/{videoId:N}";

    public static string Events(Guid videoId) => $"/videos/{videoId:N}/events";

    public static string Media(string key) => "/media/" + key.TrimStart('/');

    /// <summary>"0:07", "1:32", "1:02:03".</summary>
    public static string Clock(double seconds)
    {
        var time = TimeSpan.FromSeconds(Math.Max(0, Math.Round(seconds)));
        return time.ToString(time.TotalHours >= 1 ? @"h\:mm\:ss" : @"m\:ss", CultureInfo.InvariantCulture);
    }
}
