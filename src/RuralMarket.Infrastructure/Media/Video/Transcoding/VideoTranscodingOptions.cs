using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>How uploads become the HLS ladder, the MP4 fallback and the poster (section <c>VideoTranscoding</c>).</summary>
public sealed class VideoTranscodingOptions : IValidatableObject
{
    public const string Section = "VideoTranscoding";

    /// <summary>ffmpeg's program name or path.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>x264 preset: <c>veryfast</c> keeps a 1080p clip under 0.7 × its length on 2 cores.</summary>
    [Required]
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string Preset { get; set; } = "veryfast";

    /// <summary>
    /// The rungs, each a short-side size (240 = 426×240 landscape or 240×426 portrait) with its video and
    /// audio bitrates. Only rungs at or below the source's short side are made (always at least the lowest).
    /// Empty here means the default ladder (configuration lists are appended to, not replaced).
    /// </summary>
    public List<LadderRung> Ladder { get; set; } = [];

    /// <summary>The rung whose size the MP4 fallback and the poster use (the lowest rung when the video has no such rung).</summary>
    [Range(144, 2160)]
    public int FallbackHeight { get; set; } = 360;

    /// <summary>Keyframe interval: every segment starts on a keyframe at the same time in every rung.</summary>
    [Range(1, 10)]
    public int SegmentSeconds { get; set; } = 2;

    /// <summary>Frames per second above this are reduced to it (phones record at 60).</summary>
    [Range(10, 60)]
    public int MaxFramesPerSecond { get; set; } = 30;

    /// <summary>A transcode running longer than this is stopped and the video marked failed. Keep it under Worker:LeaseDuration.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "06:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(4);

    public static IReadOnlyList<LadderRung> DefaultLadder { get; } =
    [
        new() { Height = 240, VideoKbps = 300, AudioKbps = 64 },
        new() { Height = 360, VideoKbps = 700, AudioKbps = 96 },
        new() { Height = 720, VideoKbps = 2200, AudioKbps = 128 },
    ];

    /// <summary>The configured ladder (or the default), lowest rung first.</summary>
    public IReadOnlyList<LadderRung> EffectiveLadder => [.. (Ladder.Count == 0 ? DefaultLadder : Ladder).OrderBy(r => r.Height)];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var rung in Ladder)
        {
            if (rung.Height is < 144 or > 2160 || rung.Height % 2 != 0)
            {
                yield return new ValidationResult($"VideoTranscoding:Ladder: a rung's Height must be an even number from 144 to 2160 (found {rung.Height}).");
            }

            if (rung.VideoKbps is < 50 or > 50_000 || rung.AudioKbps is < 16 or > 512)
            {
                yield return new ValidationResult($"VideoTranscoding:Ladder: the {rung.Height}p rung needs VideoKbps 50–50000 and AudioKbps 16–512.");
            }
        }

        if (Ladder.Select(r => r.Height).Distinct().Count() != Ladder.Count)
        {
            yield return new ValidationResult("VideoTranscoding:Ladder: each rung needs its own Height.");
        }
    }
}

public sealed class LadderRung
{
    /// <summary>The short side in pixels (the "p" of 360p).</summary>
    public int Height { get; set; }

    public int VideoKbps { get; set; }

    public int AudioKbps { get; set; }

    public int TotalKbps => VideoKbps + AudioKbps;
}
