using System.Globalization;
using RuralMarket.Infrastructure.Media.Video.Upload;

namespace RuralMarket.Infrastructure.Media.Video.Probe;

/// <summary>A probed file we accept: what the listing records, and the extension its stored copy gets.</summary>
public sealed record AcceptedVideoFile(double DurationSeconds, int Width, int Height, string VideoCodec, string? AudioCodec, string Extension);

/// <summary>The verdict on an uploaded file: accepted, or the reason in words a seller understands.</summary>
public sealed record VideoFileVerdict(AcceptedVideoFile? Accepted, string? Rejection)
{
    public static VideoFileVerdict Accept(AcceptedVideoFile file) => new(file, null);

    public static VideoFileVerdict Reject(string reason) => new(null, reason);
}

/// <summary>
/// Which uploads become videos: MP4/MOV, WebM or MKV containers; at least one picture stream coded as H.264, HEVC,
/// VP8, VP9 or AV1; a length and picture size within the limits; and every packet the container declares actually
/// present (a file cut off mid-way still "probes", with its full length, but fewer packets can be read).
/// </summary>
public static class VideoFileRules
{
    public const string Empty = "The file is empty. Choose your video again and upload it.";
    public const string NotAVideo = "This file is not a video we can use. Upload an MP4, MOV, WebM or MKV video.";
    public const string SoundOnly = "This file has sound but no picture. Upload a video, not an audio recording.";
    public const string NoPicture = "This file has no picture in it. Upload a video.";
    public const string CutOff = "The video was cut off before the end — upload it again.";
    public const string UnknownLength = "We could not tell how long this video is. Export it again as MP4 and upload it.";

    private static readonly Dictionary<string, string> VideoCodecs = new(StringComparer.Ordinal)
    {
        ["h264"] = "H.264",
        ["hevc"] = "HEVC",
        ["vp8"] = "VP8",
        ["vp9"] = "VP9",
        ["av1"] = "AV1",
    };

    public static string TooLarge(long sizeBytes, long maxBytes) =>
        $"This file is {FileSize.Describe(sizeBytes)}; videos can be at most {FileSize.Describe(maxBytes)}. Trim it or export it at a lower quality, then upload it again.";

    public static VideoFileVerdict Judge(FfprobeReport report, long sizeBytes, string? fileName, bool startsLikeMp4, VideoUploadOptions limits)
    {
        if (sizeBytes == 0)
        {
            return VideoFileVerdict.Reject(Empty);
        }

        if (sizeBytes > limits.MaxBytes)
        {
            return VideoFileVerdict.Reject(TooLarge(sizeBytes, limits.MaxBytes));
        }

        if (!report.Readable)
        {
            // An MP4 whose index was still to come when the file was cut off: it starts right but cannot be opened.
            return VideoFileVerdict.Reject(startsLikeMp4 && report.Errors.Contains("moov atom not found", StringComparison.Ordinal) ? CutOff : NotAVideo);
        }

        var extension = ExtensionFor(report.FormatName, fileName);
        if (extension is null)
        {
            return VideoFileVerdict.Reject(NotAVideo);
        }

        var pictures = report.Streams.Where(s => s.CodecType == "video" && !s.IsAttachedPicture).ToList();
        if (pictures.Count == 0)
        {
            return VideoFileVerdict.Reject(report.Streams.Any(s => s.CodecType == "audio") ? SoundOnly : NoPicture);
        }

        var video = pictures[0];
        if (video.CodecName is null || !VideoCodecs.ContainsKey(video.CodecName))
        {
            return VideoFileVerdict.Reject(
                $"This video is coded as {video.CodecName ?? "something unknown"}, which we cannot use. Export it as H.264 (MP4) and upload it again.");
        }

        if (report.Streams.Any(s => s.DeclaredFrames is { } declared && (s.ReadPackets ?? 0) < declared) || (video.ReadPackets ?? 1) == 0)
        {
            return VideoFileVerdict.Reject(CutOff);
        }

        if (report.DurationSeconds is not { } duration || !double.IsFinite(duration) || duration <= 0)
        {
            return VideoFileVerdict.Reject(UnknownLength);
        }

        if (duration > limits.MaxDuration.TotalSeconds)
        {
            return VideoFileVerdict.Reject(
                $"This video is {Describe(TimeSpan.FromSeconds(duration))} long; videos can be at most {Describe(limits.MaxDuration)}. Trim it and upload it again.");
        }

        if (video.Width <= 0 || video.Height <= 0)
        {
            return VideoFileVerdict.Reject(NotAVideo);
        }

        if (video.Width > limits.MaxSidePixels || video.Height > limits.MaxSidePixels)
        {
            return VideoFileVerdict.Reject(string.Create(CultureInfo.InvariantCulture,
                $"This video is {video.Width} × {video.Height} pixels; videos can be at most {limits.MaxSidePixels} pixels on each side. Export it at 4K or lower and upload it again."));
        }

        var audio = report.Streams.FirstOrDefault(s => s.CodecType == "audio")?.CodecName;
        return VideoFileVerdict.Accept(new AcceptedVideoFile(duration, video.Width, video.Height, video.CodecName, audio, extension));
    }

    /// <summary>Whether the file begins with an ISO media "ftyp" box (MP4, MOV), whatever its name says.</summary>
    public static bool StartsLikeMp4(ReadOnlySpan<byte> head) => head.Length >= 8 && head[4..8].SequenceEqual("ftyp"u8);

    private static string? ExtensionFor(string? formatName, string? fileName)
    {
        var formats = (formatName ?? "").Split(',');
        var named = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (formats.Contains("mp4") || formats.Contains("mov"))
        {
            return named == ".mov" ? ".mov" : ".mp4";
        }

        if (formats.Contains("matroska") || formats.Contains("webm"))
        {
            return named == ".webm" ? ".webm" : ".mkv";
        }

        return null;
    }

    private static string Describe(TimeSpan length)
    {
        var minutes = (int)length.TotalMinutes;
        var seconds = length.Seconds;
        return (minutes, seconds) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"{seconds} seconds"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{minutes} {(minutes == 1 ? "minute" : "minutes")}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes} min {seconds} s"),
        };
    }
}

/// <summary>File sizes in words ("1.5 GB", "50 MB", "300 KB").</summary>
public static class FileSize
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => (bytes / (1024d * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1024 * 1024 => (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => Math.Max(1, Math.Round(bytes / 1024d)).ToString("0", CultureInfo.InvariantCulture) + " KB",
    };
}
