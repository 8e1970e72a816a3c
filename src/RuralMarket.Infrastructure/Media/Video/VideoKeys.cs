namespace RuralMarket.Infrastructure.Media.Video;

/// <summary>Where a video's files live in media storage: everything under one folder, so deleting it is one call.</summary>
public static class VideoKeys
{
    public static string Folder(Guid videoId) => $"videos/{videoId:n}/";

    /// <summary>The seller's original upload; <paramref name="extension"/> is ".mp4", ".mov", ".webm"… chosen by the app, not the seller.</summary>
    public static string Source(Guid videoId, string extension) =>
        MediaKey.Require($"{Folder(videoId)}source{extension.ToLowerInvariant()}");
}
