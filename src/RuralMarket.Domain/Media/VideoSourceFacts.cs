using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Media;

/// <summary>What probing the uploaded file found; the listing keeps these as its own columns.</summary>
public sealed record VideoSourceFacts
{
    public VideoSourceFacts(
        long sizeBytes,
        string? sha256,
        double durationSeconds,
        int width,
        int height,
        string? videoCodec,
        string? audioCodec)
    {
        Guard.That(sizeBytes > 0, "The uploaded video is empty.");
        Guard.That(double.IsFinite(durationSeconds) && durationSeconds > 0, "The uploaded video has no length.");
        Guard.That(width > 0 && height > 0, "The uploaded video has no picture size.");
        Guard.That(
            sha256 is null || (sha256.Length == 64 && sha256.All(char.IsAsciiHexDigit)),
            "A SHA-256 hash is 64 hexadecimal characters.");
        SizeBytes = sizeBytes;
        Sha256 = sha256?.ToLowerInvariant();
        DurationSeconds = durationSeconds;
        Width = width;
        Height = height;
        VideoCodec = Guard.OptionalText(videoCodec, "A video codec", 40);
        AudioCodec = Guard.OptionalText(audioCodec, "An audio codec", 40);
    }

    public long SizeBytes { get; }

    public string? Sha256 { get; }

    public double DurationSeconds { get; }

    public int Width { get; }

    public int Height { get; }

    public string? VideoCodec { get; }

    public string? AudioCodec { get; }
}
