using System.Globalization;
using System.Text.Json;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>
/// What the transcoder needs to know about a source: its size as displayed (after the phone's rotation flag),
/// frame rate, length and whether it has sound.
/// </summary>
public sealed record VideoProbe(int DisplayWidth, int DisplayHeight, int Rotation, double FramesPerSecond, double DurationSeconds, bool HasAudio)
{
    /// <summary>The "p" of the source: its short side as displayed.</summary>
    public int ShortSide => Math.Min(DisplayWidth, DisplayHeight);

    public bool IsPortrait => DisplayHeight > DisplayWidth;

    /// <summary>Runs ffprobe; null when the file has no readable video stream.</summary>
    public static async Task<VideoProbe?> ReadAsync(string ffprobe, string path, CancellationToken cancellationToken)
    {
        var result = await FfmpegProcess.RunAsync(
            ffprobe,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path],
            Path.GetDirectoryName(path)!,
            TimeSpan.FromMinutes(1),
            cancellationToken);
        return result.ExitCode == 0 ? Parse(result.Output) : null;
    }

    public static VideoProbe? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("streams", out var streams))
        {
            return null;
        }

        JsonElement? video = null;
        var hasAudio = false;
        foreach (var stream in streams.EnumerateArray())
        {
            var type = stream.TryGetProperty("codec_type", out var t) ? t.GetString() : null;
            if (type == "audio")
            {
                hasAudio = true;
            }
            else if (type == "video" && video is null && !IsCoverArt(stream))
            {
                video = stream;
            }
        }

        if (video is not { } v || !v.TryGetProperty("width", out var w) || !v.TryGetProperty("height", out var h))
        {
            return null;
        }

        var width = w.GetInt32();
        var height = h.GetInt32();
        if (width <= 0 || height <= 0)
        {
            return null;
        }

        var rotation = RotationOf(v);
        if (Math.Abs(rotation) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        var fps = Rate(v, "avg_frame_rate") ?? Rate(v, "r_frame_rate") ?? 30;
        var duration = Number(root.TryGetProperty("format", out var format) ? format : default, "duration")
            ?? Number(v, "duration")
            ?? 0;
        return new VideoProbe(width, height, rotation, fps, duration, hasAudio);
    }

    private static bool IsCoverArt(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var disposition)
        && disposition.TryGetProperty("attached_pic", out var pic)
        && pic.GetInt32() == 1;

    private static int RotationOf(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var rotation) && rotation.ValueKind == JsonValueKind.Number)
                {
                    return (int)Math.Round(rotation.GetDouble());
                }
            }
        }

        return stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate)
            && int.TryParse(rotate.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var degrees)
            ? degrees
            : 0;
    }

    private static double? Rate(JsonElement stream, string property)
    {
        if (!stream.TryGetProperty(property, out var value) || value.GetString() is not { } text)
        {
            return null;
        }

        var parts = text.Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            && denominator > 0 && numerator > 0
            ? numerator / denominator
            : null;
    }

    private static double? Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
        && double.IsFinite(number)
            ? number
            : null;
}
