using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace RuralMarket.Infrastructure.Jobs;

/// <summary>A job payload. <see cref="JobType"/> is stored with each job, so it must never change once used.</summary>
public interface IJob
{
    static abstract string JobType { get; }
}

/// <summary>
/// Runs one job. The handler changes state through the scope's DbContext and does not save:
/// the job processor saves those changes together with the job's completion, in one transaction.
/// </summary>
public interface IJobHandler<in TJob>
    where TJob : IJob
{
    Task HandleAsync(TJob job, CancellationToken cancellationToken);
}

internal sealed record JobRegistration(string Type, Func<IServiceProvider, string, CancellationToken, Task> Run);

/// <summary>Maps stored job type names to their payload types and handlers.</summary>
public sealed class JobRegistry
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, JobRegistration> _registrations = new(StringComparer.Ordinal);

    internal void Add<TJob>()
        where TJob : IJob
    {
        _registrations[TJob.JobType] = new JobRegistration(TJob.JobType, async (services, payload, ct) =>
        {
            var job = JsonSerializer.Deserialize<TJob>(payload, Json)
                ?? throw new InvalidOperationException($"Job payload for {TJob.JobType} is empty.");
            await services.GetRequiredService<IJobHandler<TJob>>().HandleAsync(job, ct);
        });
    }

    internal JobRegistration? Find(string type) => _registrations.GetValueOrDefault(type);

    public IReadOnlyCollection<string> Types => _registrations.Keys;
}

public static class JobServiceCollectionExtensions
{
    public static IServiceCollection AddJob<TJob, THandler>(this IServiceCollection services)
        where TJob : IJob
        where THandler : class, IJobHandler<TJob>
    {
        services.AddScoped<IJobHandler<TJob>, THandler>();
        services.AddSingleton(new JobRegistryEntry(registry => registry.Add<TJob>()));
        return services;
    }
}

internal sealed record JobRegistryEntry(Action<JobRegistry> Apply);
