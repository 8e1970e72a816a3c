using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Media.Video.Upload;

namespace RuralMarket.Infrastructure.Media.Video.Probe;

/// <summary>ffprobe is not installed, or did not answer in time: the file could not be judged (not the seller's fault).</summary>
public sealed class ProbeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs ffprobe on a file (JSON output, <c>-count_packets</c> so truncation shows as fewer packets read than frames
/// declared) and reads the answer. About 150 ms for a short clip; the whole file is read once.
/// </summary>
public sealed class Ffprobe(IOptions<VideoUploadOptions> options)
{
    public async Task<FfprobeReport> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(options.Value.FfprobePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "error", "-count_packets", "-show_format", "-show_streams", "-of", "json", "-i", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new ProbeUnavailableException($"ffprobe could not be started ({options.Value.FfprobePath}): {e.Message}", e);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProbeTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(output, errors);
        }
        catch (OperationCanceledException e)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProbeUnavailableException($"ffprobe took longer than {options.Value.ProbeTimeout} on one file.", e);
        }

        return process.ExitCode == 0 ? Parse(await output, await errors) : FfprobeReport.Unreadable(await errors);
    }

    public static FfprobeReport Parse(string json, string errors)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format))
        {
            return FfprobeReport.Unreadable(errors);
        }

        var streams = new List<FfprobeStream>();
        if (root.TryGetProperty("streams", out var streamArray))
        {
            foreach (var stream in streamArray.EnumerateArray())
            {
                streams.Add(new FfprobeStream(
                    Text(stream, "codec_type") ?? "unknown",
                    Text(stream, "codec_name"),
                    Integer(stream, "width") ?? 0,
                    Integer(stream, "height") ?? 0,
                    Long(stream, "nb_frames"),
                    Long(stream, "nb_read_packets"),
                    stream.TryGetProperty("disposition", out var disposition) && Integer(disposition, "attached_pic") == 1));
            }
        }

        var duration = Text(format, "duration") is { } d && double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : (double?)null;
        return new FfprobeReport(true, Text(format, "format_name"), duration, streams, errors);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static long? Long(JsonElement element, string name) =>
        Text(element, name) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static int? Integer(JsonElement element, string name) =>
        Long(element, name) is { } number && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
}
