using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Web.Features.Admin;

public sealed record DeadJobView(Guid Id, string Type, int Attempts, string? LastError, DateTime CreatedAt, DateTime? DiedAt);

/// <summary>The background queue as admins see it: counts by state, the dead letters, and retrying or discarding one (audited).</summary>
public sealed class JobConsole(RuralMarketDbContext db, TimeProvider clock)
{
    public const int DeadShown = 50;

    public async Task<IReadOnlyDictionary<JobStatus, int>> CountsAsync(CancellationToken cancellationToken) =>
        await db.Jobs.AsNoTracking()
            .GroupBy(j => j.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<IReadOnlyList<DeadJobView>> DeadAsync(CancellationToken cancellationToken) =>
        await db.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Dead)
            .OrderByDescending(j => j.CompletedAt).ThenBy(j => j.Id)
            .Take(DeadShown)
            .Select(j => new DeadJobView(j.Id, j.Type, j.Attempts, j.LastError, j.CreatedAt, j.CompletedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Puts a dead job back in the queue with fresh attempts; the worker runs it once more.</summary>
    public Task<AdminOutcome> RetryAsync(Guid jobId, string adminUserId, CancellationToken cancellationToken) =>
        ActAsync(jobId, adminUserId, retry: true, cancellationToken);

    /// <summary>Removes a dead job for good (its type, payload and error stay in the audit entry).</summary>
    public Task<AdminOutcome> DiscardAsync(Guid jobId, string adminUserId, CancellationToken cancellationToken) =>
        ActAsync(jobId, adminUserId, retry: false, cancellationToken);

    private async Task<AdminOutcome> ActAsync(Guid jobId, string adminUserId, bool retry, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return AdminOutcome.NotFound;
        }

        if (job.Status != JobStatus.Dead)
        {
            return AdminOutcome.Refused($"This job is {job.Status.ToString().ToLowerInvariant()}, not dead: only dead jobs can be retried or discarded.");
        }

        var before = JsonSerializer.Serialize(new { Status = job.Status.ToString(), job.Type, job.Attempts, job.LastError, job.Payload });
        string after;
        if (retry)
        {
            job.Revive(clock.GetUtcNow().UtcDateTime);
            after = JsonSerializer.Serialize(new { Status = job.Status.ToString(), job.Attempts });
        }
        else
        {
            db.Jobs.Remove(job);
            after = JsonSerializer.Serialize(new { Status = "Discarded" });
        }

        db.AuditEntries.Add(AuditEntry.Record(adminUserId, retry ? "job.retried" : "job.discarded", "Job", job.Id.ToString(), null, before, after, clock));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AdminOutcome.Refused(AdminOutcome.ChangedMeanwhile);
        }

        return AdminOutcome.Done(retry ? $"The {job.Type} job is queued again." : $"The {job.Type} job is discarded.");
    }
}
