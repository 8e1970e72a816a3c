using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Jobs;

/// <summary>
/// Claims due jobs under a lease and runs them. Safe to run in several processes against one PostgreSQL:
/// claiming uses FOR UPDATE SKIP LOCKED there, and a single atomic UPDATE on SQLite (one writer at a time).
/// </summary>
public sealed class JobProcessor(
    IServiceScopeFactory scopes,
    JobRegistry registry,
    TimeProvider clock,
    IOptions<WorkerOptions> options,
    ILogger<JobProcessor> logger)
{
    private readonly WorkerOptions _options = options.Value;

    /// <summary>Claims up to a batch of due jobs and runs them one by one. Returns how many were claimed.</summary>
    public async Task<int> RunDueJobsAsync(string workerId, CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(workerId, _options.BatchSize, cancellationToken);
        foreach (var job in claimed)
        {
            await RunAsync(job, cancellationToken);
        }

        return claimed.Count;
    }

    internal async Task<IReadOnlyList<Job>> ClaimAsync(string workerId, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now + _options.LeaseDuration;
        var pending = nameof(JobStatus.Pending);
        var running = nameof(JobStatus.Running);

        // Expired leases are claimable again: their worker died or hung.
        var query = db.Provider == DatabaseProvider.Postgres
            ? db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "Status" = {running}, "LockedBy" = {workerId}, "LockedUntil" = {lockedUntil}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Jobs"
                    WHERE ("Status" = {pending} AND "RunAfter" <= {now}) OR ("Status" = {running} AND "LockedUntil" < {now})
                    ORDER BY "RunAfter"
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            : db.Jobs.FromSql($"""
                UPDATE "Jobs" SET "Status" = {running}, "LockedBy" = {workerId}, "LockedUntil" = {lockedUntil}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (
                    SELECT "Id" FROM "Jobs"
                    WHERE ("Status" = {pending} AND "RunAfter" <= {now}) OR ("Status" = {running} AND "LockedUntil" < {now})
                    ORDER BY "RunAfter"
                    LIMIT {batchSize})
                RETURNING *
                """);

        return await query.AsNoTracking().ToListAsync(cancellationToken);
    }

    internal async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id, ["JobType"] = job.Type });
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            db.Jobs.Attach(job);
            if (job.IsOutOfAttempts)
            {
                // The worker holding it died on every attempt; stop retrying.
                job.MarkAttemptFailed("Lease expired on the last attempt (worker stopped or timed out).", Now, Now);
            }
            else
            {
                var registration = registry.Find(job.Type)
                    ?? throw new InvalidOperationException($"No handler is registered for job type '{job.Type}'.");
                await registration.Run(scope.ServiceProvider, job.Payload, cancellationToken);
                job.MarkSucceeded(Now);
            }

            // The handler's changes and the job's completion commit together; if our lease was lost
            // to another worker, the concurrency check on LockedBy rolls both back.
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Job {JobType} {JobId} finished as {Status} after attempt {Attempt}", job.Type, job.Id, job.Status, job.Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Job {JobType} {JobId}: lease lost to another worker; its result was discarded", job.Type, job.Id);
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(job, ex, cancellationToken);
        }
    }

    private async Task RecordFailureAsync(Job job, Exception error, CancellationToken cancellationToken)
    {
        var retryAt = Now + BackoffFor(job.Attempts);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var tracked = await db.Jobs.SingleAsync(j => j.Id == job.Id, cancellationToken);
            if (tracked.LockedBy != job.LockedBy)
            {
                return; // Another worker owns it now.
            }

            tracked.MarkAttemptFailed($"{error.GetType().Name}: {error.Message}", Now, retryAt);
            await db.SaveChangesAsync(cancellationToken);
            if (tracked.Status == JobStatus.Dead)
            {
                logger.LogError(error, "Job {JobType} {JobId} failed for the last time ({Attempts} attempts) and is dead", job.Type, job.Id, tracked.Attempts);
            }
            else
            {
                logger.LogWarning(error, "Job {JobType} {JobId} failed on attempt {Attempt}; retrying at {RetryAt:o}", job.Type, job.Id, tracked.Attempts, retryAt);
            }
        }
        catch (Exception recordError) when (recordError is not OperationCanceledException)
        {
            // The lease will expire and the job will be claimed again.
            logger.LogError(recordError, "Could not record the failure of job {JobId}", job.Id);
        }
    }

    /// <summary>Exponential backoff with jitter: base × 2^(attempt-1), capped.</summary>
    internal TimeSpan BackoffFor(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 20);
        var delay = _options.RetryBaseDelay * Math.Pow(2, exponent);
        if (delay > _options.RetryMaxDelay)
        {
            delay = _options.RetryMaxDelay;
        }

        return delay + (delay * (Random.Shared.NextDouble() * 0.1));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
