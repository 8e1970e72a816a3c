using System.Diagnostics;
using System.Globalization;

namespace RuralMarket.Testing;

/// <summary>Short test videos made on the spot with ffmpeg's lavfi sources (no binary fixtures in the repository).</summary>
public static class TestClips
{
    /// <summary>
    /// An H.264 MP4 of a moving test pattern, with a tone unless <paramref name="audio"/> is false. With
    /// <paramref name="rotation"/> the picture is stored sideways with a rotation flag, as phones do.
    /// </summary>
    public static async Task<string> MakeAsync(string folder, int width, int height, double seconds, bool audio = true, int rotation = 0)
    {
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"clip-{width}x{height}-{Guid.NewGuid():n}.mp4"));
        var raw = rotation == 0 ? path : path + ".raw.mp4";
        var duration = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        var args = new List<string> { "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=25:duration={duration}" };
        if (audio)
        {
            args.AddRange(["-f", "lavfi", "-i", $"sine=frequency=440:sample_rate=48000:duration={duration}", "-c:a", "aac", "-b:a", "64k"]);
        }

        args.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "25", raw]);
        await RunAsync("ffmpeg", args);
        if (rotation != 0)
        {
            await RunAsync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", raw, "-c", "copy", "-metadata:s:v:0", $"rotate={rotation}", path]);
            File.Delete(raw);
        }

        return path;
    }

    /// <summary>ffprobe's JSON for a file or playlist (streams and format).</summary>
    public static async Task<string> ProbeAsync(string path) =>
        await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path]);

    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The video tests need {program} on PATH: apt-get install -y --no-install-recommends ffmpeg (./test.sh does it).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await errors}");
        }
    }
}
