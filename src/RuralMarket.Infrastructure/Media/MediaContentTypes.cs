namespace RuralMarket.Infrastructure.Media;

/// <summary>The content type of a stored file, from its key's extension. Unknown types are served as bytes, never as HTML.</summary>
public static class MediaContentTypes
{
    public const string Fallback = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.Ordinal)
    {
        [".webp"] = "image/webp",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".avif"] = "image/avif",
        [".gif"] = "image/gif",
        [".m3u8"] = "application/vnd.apple.mpegurl",
        [".m4s"] = "video/iso.segment",
        [".ts"] = "video/mp2t",
        [".mp4"] = "video/mp4",
        [".vtt"] = "text/vtt",
    };

    public static string For(string key) =>
        ByExtension.TryGetValue(Path.GetExtension(key), out var type) ? type : Fallback;

    public static bool IsImage(string key) => For(key).StartsWith("image/", StringComparison.Ordinal);
}
