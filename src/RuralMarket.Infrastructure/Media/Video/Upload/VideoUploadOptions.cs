using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Media.Video.Upload;

/// <summary>Limits on what a seller may upload as a video (section <c>VideoUploads</c>).</summary>
public sealed class VideoUploadOptions : IValidatableObject
{
    public const string Section = "VideoUploads";

    /// <summary>The largest video file, in bytes (2 GB by default: ten minutes of a phone's 1080p is about 1.3 GB).</summary>
    [Range(1024, 64L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest file the plain (no-JavaScript) form accepts, in bytes: a form post cannot resume.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxFormBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>How long an unfinished upload is kept after its last piece arrived.</summary>
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest video accepted.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most pixels a video may have on either side.</summary>
    [Range(16, 16384)]
    public int MaxSidePixels { get; set; } = 4096;

    /// <summary>These options with the size and length limits in force (an admin may change them: platform settings).</summary>
    public VideoUploadOptions WithLimits(long maxBytes, TimeSpan maxDuration)
    {
        var copy = (VideoUploadOptions)MemberwiseClone();
        copy.MaxBytes = maxBytes;
        copy.MaxDuration = maxDuration;
        return copy;
    }

    /// <summary>The ffprobe program (a name on the PATH or a full path).</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>How long probing one file may take before it is given up.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often expired uploads are swept away.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFormBytes > MaxBytes)
        {
            yield return new ValidationResult("VideoUploads:MaxFormBytes cannot be larger than VideoUploads:MaxBytes.", [nameof(MaxFormBytes)]);
        }

        if (ExpireAfter <= TimeSpan.Zero)
        {
            yield return new ValidationResult("VideoUploads:ExpireAfter must be a positive time span, e.g. \"1.00:00:00\" for a day.", [nameof(ExpireAfter)]);
        }

        if (MaxDuration <= TimeSpan.Zero)
        {
            yield return new ValidationResult("VideoUploads:MaxDuration must be a positive time span, e.g. \"00:10:00\".", [nameof(MaxDuration)]);
        }

        if (ProbeTimeout <= TimeSpan.Zero || SweepInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("VideoUploads:ProbeTimeout and VideoUploads:SweepInterval must be positive time spans.", [nameof(ProbeTimeout)]);
        }
    }
}
