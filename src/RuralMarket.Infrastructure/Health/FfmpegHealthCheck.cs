using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RuralMarket.Infrastructure.Health;

/// <summary>Reports whether ffmpeg and ffprobe are on the PATH. Without them videos cannot be transcoded, so the app is degraded, not down.</summary>
public sealed class FfmpegHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ffmpeg = FindOnPath("ffmpeg");
        var ffprobe = FindOnPath("ffprobe");
        var data = new Dictionary<string, object> { ["ffmpeg"] = ffmpeg ?? "missing", ["ffprobe"] = ffprobe ?? "missing" };
        return Task.FromResult(ffmpeg is not null && ffprobe is not null
            ? HealthCheckResult.Healthy("ffmpeg and ffprobe found", data)
            : HealthCheckResult.Degraded("ffmpeg or ffprobe is missing: videos cannot be transcoded", data: data));
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
