using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Infrastructure.Jobs;

/// <summary>Keeps the jobs table small: finished jobs are removed after a while; dead ones stay for admins.</summary>
public sealed class DeleteOldSucceededJobs(RuralMarketDbContext db, TimeProvider clock, IOptions<WorkerOptions> options) : IPeriodicTask
{
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.KeepSucceededFor;
        await db.Jobs
            .Where(j => j.Status == JobStatus.Succeeded && j.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
