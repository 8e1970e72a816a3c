namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>The transcode could not be done; <see cref="Exception.Message"/> is written for the seller, <see cref="Detail"/> for the log.</summary>
public sealed class TranscodeFailedException(string message, string? detail = null) : Exception(message)
{
    public string? Detail { get; } = detail;
}
