namespace RuralMarket.Infrastructure.Media.Video.Probe;

/// <summary>What ffprobe said about a file, reduced to what the upload rules look at.</summary>
public sealed record FfprobeReport(
    bool Readable,
    string? FormatName,
    double? DurationSeconds,
    IReadOnlyList<FfprobeStream> Streams,
    string Errors)
{
    public static FfprobeReport Unreadable(string errors) => new(false, null, null, [], errors);
}

/// <summary>One stream of the file. <see cref="DeclaredFrames"/> comes from the container's index, <see cref="ReadPackets"/> from reading it all.</summary>
public sealed record FfprobeStream(
    string CodecType,
    string? CodecName,
    int Width,
    int Height,
    long? DeclaredFrames,
    long? ReadPackets,
    bool IsAttachedPicture);
