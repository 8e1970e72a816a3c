using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Domain.Media;

namespace RuralMarket.Infrastructure.Media.Video.Transcoding;

/// <summary>What a finished transcode stored: the renditions and the keys the listing keeps.</summary>
public sealed record TranscodeOutput(IReadOnlyList<VideoRendition> Renditions, string MasterPlaylistKey, string Mp4FallbackKey, string PosterKey, string Folder);

/// <summary>
/// Makes the HLS ladder, the MP4 fallback and the poster from a stored source with one ffmpeg process, in a
/// temp folder, then stores every file under a folder of its own (<c>videos/{id}/{attempt}/</c>) so a retry
/// never mixes files and every stored file can be cached forever. On any failure nothing stays stored.
/// </summary>
public sealed class VideoTranscoder(IMediaStorage storage, IOptions<VideoTranscodingOptions> options, ILogger<VideoTranscoder> logger)
{
    private readonly VideoTranscodingOptions _options = options.Value;

    public async Task<TranscodeOutput> TranscodeAsync(Guid videoId, string sourceKey, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("rm-transcode-").FullName;
        var folder = $"{VideoKeys.Folder(videoId)}{Guid.NewGuid():n}/";
        var stored = false;
        try
        {
            var source = Path.Combine(work, "source" + Path.GetExtension(sourceKey));
            await DownloadAsync(sourceKey, source, cancellationToken);
            var probe = await VideoProbe.ReadAsync(_options.FfprobePath, source, cancellationToken);
            if (probe is null)
            {
                throw new TranscodeFailedException("We could not read a video picture in this file. Please upload it again, or try another video.", "ffprobe found no video stream");
            }

            var output = Path.Combine(work, "out");
            var plan = TranscodePlan.Create(probe, source, _options);
            foreach (var rung in plan.Rungs)
            {
                Directory.CreateDirectory(Path.Combine(output, rung.Name));
            }

            var watch = Stopwatch.StartNew();
            var result = await FfmpegProcess.RunAsync(_options.FfmpegPath, plan.Arguments, output, _options.Timeout, cancellationToken);
            if (result.TimedOut)
            {
                throw new TranscodeFailedException(
                    "Converting this video took too long, so we stopped. A shorter or smaller video will work better.",
                    $"ffmpeg timed out after {_options.Timeout}: {result.ErrorTail}");
            }

            if (result.ExitCode != 0)
            {
                throw new TranscodeFailedException(
                    "We could not convert this video: the file seems damaged or uses a format we cannot read. Try exporting it again from your phone or camera.",
                    $"ffmpeg exited with {result.ExitCode}: {result.ErrorTail}");
            }

            logger.LogInformation(
                "Transcoded video {VideoId} ({Width}x{Height}, {Duration:0.0} s) to {Rungs} in {Elapsed:0.0} s",
                videoId, probe.DisplayWidth, probe.DisplayHeight, probe.DurationSeconds, string.Join(",", plan.Rungs.Select(r => r.Name)), watch.Elapsed.TotalSeconds);

            var expected = plan.Rungs.Select(r => r.PlaylistPath).Append(TranscodePlan.MasterPlaylist).Append(TranscodePlan.Mp4Fallback).Append(TranscodePlan.Poster);
            var missing = expected.Where(path => !File.Exists(Path.Combine(output, path)) || new FileInfo(Path.Combine(output, path)).Length == 0).ToList();
            if (missing.Count > 0)
            {
                throw new TranscodeFailedException(
                    "We could not convert this video: the file seems damaged or too short. Try exporting it again from your phone or camera.",
                    $"ffmpeg made no {string.Join(", ", missing)}: {result.ErrorTail}");
            }

            stored = true;
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(output, file).Replace(Path.DirectorySeparatorChar, '/');
                await using var content = File.OpenRead(file);
                await storage.SaveAsync(MediaKey.Require(folder + relative), content, cancellationToken);
            }

            return new TranscodeOutput(
                [.. plan.Rungs.Select(r => new VideoRendition(r.Rung.Height, r.Rung.VideoKbps + (probe.HasAudio ? r.Rung.AudioKbps : 0), folder + r.PlaylistPath))],
                folder + TranscodePlan.MasterPlaylist,
                folder + TranscodePlan.Mp4Fallback,
                folder + TranscodePlan.Poster,
                folder);
        }
        catch when (stored)
        {
            await storage.DeleteByPrefixAsync(folder, CancellationToken.None);
            throw;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the transcode folder {Folder}", work);
            }
        }
    }

    private async Task DownloadAsync(string sourceKey, string path, CancellationToken cancellationToken)
    {
        var file = await storage.OpenReadAsync(sourceKey, cancellationToken)
            ?? throw new TranscodeFailedException("The original upload is no longer stored. Please upload the video again.", $"source {sourceKey} is missing");
        await using (file)
        {
            await using var target = File.Create(path);
            await file.Content.CopyToAsync(target, cancellationToken);
        }
    }
}
