using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace RuralMarket.Infrastructure.Jobs;

public static class JobQueueExtensions
{
    public const int DefaultMaxAttempts = 8;

    /// <summary>Adds a job to the unit of work; it is written by the caller's SaveChanges, or not at all.</summary>
    public static Job Enqueue<TJob>(this DbSet<Job> jobs, TJob payload, DateTime now, string? dedupKey = null, DateTime? runAfter = null, int maxAttempts = DefaultMaxAttempts)
        where TJob : IJob
    {
        var job = Job.Create(TJob.JobType, JsonSerializer.Serialize(payload, JobRegistry.Json), now, dedupKey, runAfter, maxAttempts);
        jobs.Add(job);
        return job;
    }

    /// <summary>Enqueues unless a job with the same dedup key already exists (saved or pending in this unit of work).</summary>
    public static async Task<bool> EnqueueOnceAsync<TJob>(this DbSet<Job> jobs, TJob payload, DateTime now, string dedupKey, CancellationToken cancellationToken, DateTime? runAfter = null)
        where TJob : IJob
    {
        if (jobs.Local.Any(j => j.DedupKey == dedupKey) || await jobs.AnyAsync(j => j.DedupKey == dedupKey, cancellationToken))
        {
            return false;
        }

        jobs.Enqueue(payload, now, dedupKey, runAfter);
        return true;
    }
}
