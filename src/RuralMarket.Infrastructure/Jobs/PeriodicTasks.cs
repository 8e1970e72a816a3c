using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RuralMarket.Infrastructure.Jobs;

/// <summary>A timer's work. Runs in its own scope; must be safe to run concurrently in several workers.</summary>
public interface IPeriodicTask
{
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>Runs every registered periodic task on its interval. A failing tick is logged and retried.</summary>
public sealed class PeriodicTaskRunner(IServiceScopeFactory scopes, IEnumerable<PeriodicTaskRegistration> registrations, TimeProvider clock, ILogger<PeriodicTaskRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(registrations.Select(r => RunForeverAsync(r.TaskType, stoppingToken)));

    private async Task RunForeverAsync(Type taskType, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var interval = TimeSpan.FromMinutes(1);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var task = (IPeriodicTask)scope.ServiceProvider.GetRequiredService(taskType);
                interval = task.Interval;
                await task.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Periodic task {Task} failed; it runs again after its interval", taskType.Name);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public sealed record PeriodicTaskRegistration(Type TaskType);

public static class PeriodicTaskServiceCollectionExtensions
{
    public static IServiceCollection AddPeriodicTask<TTask>(this IServiceCollection services)
        where TTask : class, IPeriodicTask
    {
        services.AddScoped<TTask>();
        services.AddSingleton(new PeriodicTaskRegistration(typeof(TTask)));
        return services;
    }
}
