namespace RuralMarket.Infrastructure.Jobs;

public enum JobStatus
{
    Pending,
    Running,
    Succeeded,
    Dead,
}

/// <summary>
/// A unit of background work. Jobs are the outbox: one is added in the same SaveChanges as the state
/// change that causes it, so it runs exactly when that change commits.
/// </summary>
public sealed class Job
{
    private Job()
    {
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    /// <summary>At most one job per key ever exists, so a cause that repeats cannot enqueue twice.</summary>
    public string? DedupKey { get; private set; }

    public JobStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public int MaxAttempts { get; private set; }

    public DateTime RunAfter { get; private set; }

    public string? LockedBy { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    public static Job Create(string type, string payload, DateTime now, string? dedupKey, DateTime? runAfter, int maxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return new Job
        {
            Id = Guid.CreateVersion7(),
            Type = type,
            Payload = payload,
            DedupKey = dedupKey,
            Status = JobStatus.Pending,
            MaxAttempts = maxAttempts,
            RunAfter = runAfter ?? now,
            CreatedAt = now,
        };
    }

    /// <summary>Puts a dead job back in the queue with a fresh set of attempts (admin retry).</summary>
    public void Revive(DateTime now)
    {
        if (Status != JobStatus.Dead)
        {
            throw new InvalidOperationException("Only dead jobs can be retried.");
        }

        Status = JobStatus.Pending;
        Attempts = 0;
        RunAfter = now;
        LockedBy = null;
        LockedUntil = null;
    }

    public void MarkSucceeded(DateTime now)
    {
        Status = JobStatus.Succeeded;
        CompletedAt = now;
        LockedBy = null;
        LockedUntil = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: back to the queue at <paramref name="retryAt"/>, or dead when out of attempts.</summary>
    public void MarkAttemptFailed(string error, DateTime now, DateTime retryAt)
    {
        LastError = error.Length > 4000 ? error[..4000] : error;
        LockedBy = null;
        LockedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = JobStatus.Dead;
            CompletedAt = now;
        }
        else
        {
            Status = JobStatus.Pending;
            RunAfter = retryAt;
        }
    }

    public bool IsOutOfAttempts => Attempts > MaxAttempts;
}
