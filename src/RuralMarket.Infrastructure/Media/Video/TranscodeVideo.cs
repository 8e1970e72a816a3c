using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video;

/// <summary>
/// Turns a probed upload (VideoListing.SourceKey) into the HLS ladder, the MP4 fallback and the poster.
/// Enqueued in the same save that calls <c>VideoListing.StartProcessing</c>.
/// </summary>
public sealed record TranscodeVideo(Guid VideoId) : IJob
{
    public static string JobType => "video.transcode";
}
