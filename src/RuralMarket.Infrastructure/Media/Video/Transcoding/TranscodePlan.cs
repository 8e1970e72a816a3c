using System.Globalization;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>One rung to make: its label ("360p"), the output picture size and its bitrates.</summary>
public sealed record PlannedRung(LadderRung Rung, int Width, int Height)
{
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{Rung.Height}p");

    /// <summary>The rung's playlist, relative to the output folder.</summary>
    public string PlaylistPath => $"{Name}/index.m3u8";
}

/// <summary>
/// Everything one ffmpeg run makes from one source, and the arguments that make it: the HLS ladder with fMP4
/// segments and aligned keyframes (each rung scaled from the one above it), the MP4 fallback and the poster.
/// </summary>
public sealed class TranscodePlan
{
    public const string MasterPlaylist = "master.m3u8";
    public const string Mp4Fallback = "fallback.mp4";
    public const string Poster = "poster.webp";

    private TranscodePlan(IReadOnlyList<PlannedRung> rungs, PlannedRung fallback, IReadOnlyList<string> arguments)
    {
        Rungs = rungs;
        Fallback = fallback;
        Arguments = arguments;
    }

    /// <summary>The rungs, lowest first.</summary>
    public IReadOnlyList<PlannedRung> Rungs { get; }

    /// <summary>The rung whose size the MP4 fallback and poster share.</summary>
    public PlannedRung Fallback { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Rungs at or below the source's short side; the lowest rung always (never upscaled).</summary>
    public static IReadOnlyList<PlannedRung> RungsFor(VideoProbe source, IReadOnlyList<LadderRung> ladder)
    {
        var fitting = ladder.Where(r => r.Height <= source.ShortSide).ToList();
        if (fitting.Count == 0)
        {
            fitting.Add(ladder[0]);
        }

        return [.. fitting.Select(rung => Size(source, rung))];
    }

    public static TranscodePlan Create(VideoProbe source, string sourcePath, VideoTranscodingOptions options)
    {
        var rungs = RungsFor(source, options.EffectiveLadder);
        var fallback = rungs.LastOrDefault(r => r.Rung.Height <= options.FallbackHeight) ?? rungs[0];
        var posterAt = Math.Min(1.0, source.DurationSeconds / 2);
        var keyframes = string.Create(CultureInfo.InvariantCulture, $"expr:gte(t,n_forced*{options.SegmentSeconds})");
        var args = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", sourcePath };

        // Cascade: source → top rung → next rung … each scale reads the (smaller) picture above it.
        var graph = new List<string>();
        var fps = source.FramesPerSecond > options.MaxFramesPerSecond + 0.5
            ? string.Create(CultureInfo.InvariantCulture, $"fps={options.MaxFramesPerSecond},")
            : "";
        var input = "[0:v]";
        for (var i = rungs.Count - 1; i >= 0; i--)
        {
            var rung = rungs[i];
            var outputs = new List<string> { $"[r{i}]" };
            if (i > 0)
            {
                outputs.Add($"[c{i}]");
            }

            if (rung == fallback)
            {
                outputs.Add("[mp4]");
                outputs.Add("[still]");
            }

            var head = i == rungs.Count - 1 ? fps : "";
            graph.Add(string.Create(CultureInfo.InvariantCulture,
                $"{input}{head}scale={rung.Width}:{rung.Height},setsar=1,format=yuv420p,split={outputs.Count}{string.Concat(outputs)}"));
            input = $"[c{i}]";
        }

        graph.Add(string.Create(CultureInfo.InvariantCulture, $"[still]trim=start={posterAt:0.###},setpts=PTS-STARTPTS[poster]"));
        args.AddRange(["-filter_complex", string.Join(';', graph)]);

        // The HLS ladder: one output, one variant per rung.
        for (var i = 0; i < rungs.Count; i++)
        {
            args.AddRange(["-map", $"[r{i}]"]);
            if (source.HasAudio)
            {
                args.AddRange(["-map", "0:a:0"]);
            }
        }

        args.AddRange(VideoCodec(options, keyframes));
        for (var i = 0; i < rungs.Count; i++)
        {
            var rung = rungs[i].Rung;
            args.AddRange(Bitrates($"v:{i}", rung.VideoKbps));
            if (source.HasAudio)
            {
                args.AddRange([$"-b:a:{i}", Kbps(rung.AudioKbps)]);
            }
        }

        if (source.HasAudio)
        {
            args.AddRange(["-c:a", "aac", "-ac", "2"]);
        }

        var streamMap = string.Join(' ', rungs.Select((r, i) => source.HasAudio ? $"v:{i},a:{i},name:{r.Name}" : $"v:{i},name:{r.Name}"));
        args.AddRange(NoMetadata());
        args.AddRange([
            "-f", "hls",
            "-hls_time", options.SegmentSeconds.ToString(CultureInfo.InvariantCulture),
            "-hls_playlist_type", "vod",
            "-hls_segment_type", "fmp4",
            "-hls_flags", "independent_segments",
            "-hls_fmp4_init_filename", "init.mp4",
            "-hls_segment_filename", "%v/seg-%03d.m4s",
            "-master_pl_name", MasterPlaylist,
            "-var_stream_map", streamMap,
            "%v/index.m3u8",
        ]);

        // The MP4 fallback (no HLS at all, e.g. an old browser), moov first so it starts before it has all arrived.
        args.AddRange(["-map", "[mp4]"]);
        if (source.HasAudio)
        {
            args.AddRange(["-map", "0:a:0", "-c:a", "aac", "-ac", "2", "-b:a", Kbps(fallback.Rung.AudioKbps)]);
        }

        args.AddRange(VideoCodec(options, keyframes));
        args.AddRange(Bitrates("v", fallback.Rung.VideoKbps));
        args.AddRange(NoMetadata());
        args.AddRange(["-movflags", "+faststart", Mp4Fallback]);

        // The poster: one frame a second in (or halfway through a shorter clip).
        args.AddRange(["-map", "[poster]", "-frames:v", "1", "-c:v", "libwebp", "-quality", "72"]);
        args.AddRange(NoMetadata());
        args.Add(Poster);
        return new TranscodePlan(rungs, fallback, args);
    }

    private static PlannedRung Size(VideoProbe source, LadderRung rung)
    {
        var shortSide = Math.Min(rung.Height, Even(source.ShortSide));
        var longSource = Math.Max(source.DisplayWidth, source.DisplayHeight);
        var longSide = Even((int)Math.Round(longSource * (double)shortSide / source.ShortSide, MidpointRounding.AwayFromZero));
        return source.IsPortrait ? new PlannedRung(rung, shortSide, longSide) : new PlannedRung(rung, longSide, shortSide);
    }

    private static int Even(int pixels) => Math.Max(2, pixels - (pixels % 2));

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";

    private static string[] VideoCodec(VideoTranscodingOptions options, string keyframes) =>
    [
        "-c:v", "libx264", "-preset", options.Preset, "-pix_fmt", "yuv420p",
        "-force_key_frames", keyframes, "-sc_threshold", "0",
    ];

    private static string[] Bitrates(string stream, int kbps) =>
    [
        $"-b:{stream}", Kbps(kbps),
        $"-maxrate:{stream}", Kbps(kbps * 11 / 10),
        $"-bufsize:{stream}", Kbps(kbps * 2),
    ];

    private static string[] NoMetadata() => ["-map_metadata", "-1", "-map_chapters", "-1"];
}
