using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RuralMarket.Infrastructure.Jobs;

/// <summary>Polls the jobs table. A failing tick is logged and retried; it never stops the host.</summary>
public sealed class JobWorker(JobProcessor processor, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<JobWorker> logger) : BackgroundService
{
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Job worker {WorkerId} started", WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await processor.RunDueJobsAsync(WorkerId, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Job worker tick failed; retrying after the poll interval");
            }

            if (claimed == 0)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }
}
