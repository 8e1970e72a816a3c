using System.Diagnostics;

namespace RuralMarket.Web.Tests.VideoUpload;

/// <summary>
/// Short media files made on the spot with ffmpeg (lavfi test sources), never committed: a good clip, an audio-only
/// file, and the good clip cut off part-way. Each is made once per test run.
/// </summary>
public static class TestClips
{
    private static readonly string[] Quiet = ["-v", "error", "-y"];

    private static readonly Lazy<Task<byte[]>> GoodClip = new(() => FfmpegAsync(
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
        "-t", "3", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", "-f", "mp4"));

    private static readonly Lazy<Task<byte[]>> SoundOnly = new(() => FfmpegAsync(
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2", "-c:a", "aac", "-f", "mp4"));

    /// <summary>3 s of 320×240 H.264 at 25 fps with AAC sound, its index at the front (as phones and editors write it).</summary>
    public static Task<byte[]> GoodAsync() => GoodClip.Value;

    /// <summary>An MP4 with a sound track and no picture.</summary>
    public static Task<byte[]> SoundOnlyAsync() => SoundOnly.Value;

    /// <summary>The good clip with its last 40 % missing: the index still promises every frame.</summary>
    public static async Task<byte[]> TruncatedAsync()
    {
        var good = await GoodAsync();
        return good[..(good.Length * 6 / 10)];
    }

    public static byte[] Text() => "This is a shopping list, not a video.\nEggs, honey, flour.\n"u8.ToArray();

    /// <summary>A bad file by name, for theories: what it is and what the seller is told.</summary>
    public static async Task<byte[]> BadAsync(string kind) => kind switch
    {
        "empty" => [],
        "text" => Text(),
        "sound-only" => await SoundOnlyAsync(),
        "cut-off" => await TruncatedAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<byte[]> FfmpegAsync(params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"rm-clip-{Guid.NewGuid():n}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in Quiet.Concat(arguments).Append(output))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start.");
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, "ffmpeg must make the test clip (install ffmpeg: test.sh does it with apt): {0}", errors);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
