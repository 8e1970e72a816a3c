using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Infrastructure.Jobs;

public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Runs the job worker and timers inside the web process (one command runs everything).</summary>
    public bool RunInWeb { get; set; } = true;

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed job belongs to its worker; after that another worker may take it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 100)]
    public int DefaultMaxAttempts { get; set; } = 8;

    /// <summary>Succeeded jobs older than this are deleted by the cleanup timer.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan KeepSucceededFor { get; set; } = TimeSpan.FromDays(7);
}
