using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Tests.Support;

namespace RuralMarket.Infrastructure.Tests.Jobs;

public sealed record CountVisit(int Number) : IJob
{
    public static string JobType => "test.count-visit";
}

public sealed record AlwaysFail(string Why) : IJob
{
    public static string JobType => "test.always-fail";
}

/// <summary>Records every run; the tests read who ran what and how often.</summary>
public sealed class JobLedger
{
    public ConcurrentDictionary<int, int> RunsByNumber { get; } = new();

    public int Failures;

    public int Concurrent;

    public int MaxConcurrent;
}

public sealed class CountVisitHandler(JobLedger ledger) : IJobHandler<CountVisit>
{
    public async Task HandleAsync(CountVisit job, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref ledger.Concurrent);
        InterlockedMax(ref ledger.MaxConcurrent, now);
        ledger.RunsByNumber.AddOrUpdate(job.Number, 1, (_, runs) => runs + 1);
        await Task.Yield();
        Interlocked.Decrement(ref ledger.Concurrent);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

public sealed class AlwaysFailHandler(JobLedger ledger) : IJobHandler<AlwaysFail>
{
    public Task HandleAsync(AlwaysFail job, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref ledger.Failures);
        throw new InvalidOperationException(job.Why);
    }
}

public sealed class JobQueueTests
{
    private static Task<TestDatabaseHost> StartAsync(DatabaseProvider provider, JobLedger ledger) =>
        TestDatabaseHost.StartAsync(provider, services => services
            .AddSingleton(ledger)
            .AddJob<CountVisit, CountVisitHandler>()
            .AddJob<AlwaysFail, AlwaysFailHandler>(),
            new Dictionary<string, string?> { ["Worker:BatchSize"] = "7", ["Worker:RetryBaseDelay"] = "00:00:10" });

    private static async Task EnqueueAsync(TestDatabaseHost host, params IJob[] jobs)
    {
        await using var scope = host.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        foreach (var job in jobs)
        {
            switch (job)
            {
                case CountVisit visit:
                    db.Jobs.Enqueue(visit, now);
                    break;
                case AlwaysFail fail:
                    db.Jobs.Enqueue(fail, now, maxAttempts: 3);
                    break;
            }
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<Job>> JobsAsync(TestDatabaseHost host)
    {
        await using var scope = host.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>().Jobs.AsNoTracking().ToListAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Two_workers_started_together_run_each_of_200_jobs_exactly_once(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await EnqueueAsync(host, [.. Enumerable.Range(1, 200).Select(n => new CountVisit(n))]);
        var processor = host.Services.GetRequiredService<JobProcessor>();

        async Task DrainAsync(string workerId)
        {
            while (await processor.RunDueJobsAsync(workerId, CancellationToken.None) > 0)
            {
            }
        }

        await Task.WhenAll(Task.Run(() => DrainAsync("worker-a")), Task.Run(() => DrainAsync("worker-b")));

        ledger.RunsByNumber.Should().HaveCount(200);
        ledger.RunsByNumber.Values.Should().OnlyContain(runs => runs == 1);
        (await JobsAsync(host)).Should().OnlyContain(j => j.Status == JobStatus.Succeeded && j.Attempts == 1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_job_whose_worker_died_is_picked_up_again_after_its_lease_expires(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await EnqueueAsync(host, new CountVisit(1));
        var processor = host.Services.GetRequiredService<JobProcessor>();

        var claimedByDeadWorker = await processor.ClaimAsync("dies-mid-job", 10, CancellationToken.None);
        claimedByDeadWorker.Should().ContainSingle();
        (await processor.RunDueJobsAsync("survivor", CancellationToken.None)).Should().Be(0, "the lease is still held");

        host.Clock.Advance(TimeSpan.FromMinutes(6));
        (await processor.RunDueJobsAsync("survivor", CancellationToken.None)).Should().Be(1);

        ledger.RunsByNumber[1].Should().Be(1);
        var job = (await JobsAsync(host)).Single();
        job.Status.Should().Be(JobStatus.Succeeded);
        job.Attempts.Should().Be(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_dead_workers_late_result_is_discarded_when_another_worker_took_the_job(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await EnqueueAsync(host, new CountVisit(1));
        var processor = host.Services.GetRequiredService<JobProcessor>();
        var slow = (await processor.ClaimAsync("slow", 10, CancellationToken.None)).Single();
        host.Clock.Advance(TimeSpan.FromMinutes(6));
        await processor.RunDueJobsAsync("fast", CancellationToken.None);

        await processor.RunAsync(slow, CancellationToken.None);

        var job = (await JobsAsync(host)).Single();
        job.Status.Should().Be(JobStatus.Succeeded);
        job.LockedBy.Should().BeNull();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_failing_job_backs_off_and_lands_in_dead_letter_after_its_max_attempts(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await EnqueueAsync(host, new AlwaysFail("the courier API is down"));
        var processor = host.Services.GetRequiredService<JobProcessor>();

        (await processor.RunDueJobsAsync("w", CancellationToken.None)).Should().Be(1);
        var afterFirst = (await JobsAsync(host)).Single();
        afterFirst.Status.Should().Be(JobStatus.Pending);
        afterFirst.LastError.Should().Contain("the courier API is down");
        (afterFirst.RunAfter - host.Clock.GetUtcNow().UtcDateTime).Should().BeCloseTo(TimeSpan.FromSeconds(10.5), TimeSpan.FromSeconds(0.6));
        (await processor.RunDueJobsAsync("w", CancellationToken.None)).Should().Be(0, "it waits for its backoff");

        host.Clock.Advance(TimeSpan.FromSeconds(12));
        await processor.RunDueJobsAsync("w", CancellationToken.None);
        var afterSecond = (await JobsAsync(host)).Single();
        (afterSecond.RunAfter - host.Clock.GetUtcNow().UtcDateTime).Should().BeCloseTo(TimeSpan.FromSeconds(21), TimeSpan.FromSeconds(1.1), "the delay doubles");

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await processor.RunDueJobsAsync("w", CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromHours(2));
        (await processor.RunDueJobsAsync("w", CancellationToken.None)).Should().Be(0);

        ledger.Failures.Should().Be(3);
        var dead = (await JobsAsync(host)).Single();
        dead.Status.Should().Be(JobStatus.Dead);
        dead.Attempts.Should().Be(3);
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_job_enqueued_in_a_transaction_that_rolls_back_never_runs(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Jobs.Enqueue(new CountVisit(42), host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var processor = host.Services.GetRequiredService<JobProcessor>();
        (await processor.RunDueJobsAsync("w", CancellationToken.None)).Should().Be(0);
        ledger.RunsByNumber.Should().BeEmpty();
        (await JobsAsync(host)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_dedup_key_enqueues_once(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        for (var i = 0; i < 2; i++)
        {
            await using var scope = host.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var now = host.Clock.GetUtcNow().UtcDateTime;
            var first = await db.Jobs.EnqueueOnceAsync(new CountVisit(7), now, "visit:7", CancellationToken.None);
            var second = await db.Jobs.EnqueueOnceAsync(new CountVisit(7), now, "visit:7", CancellationToken.None);
            second.Should().BeFalse();
            first.Should().Be(i == 0);
            await db.SaveChangesAsync();
        }

        (await JobsAsync(host)).Should().ContainSingle();
    }

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_dead_job_revived_runs_once_more(DatabaseProvider provider)
    {
        var ledger = new JobLedger();
        await using var host = await StartAsync(provider, ledger);
        await EnqueueAsync(host, new AlwaysFail("no"));
        var processor = host.Services.GetRequiredService<JobProcessor>();
        for (var i = 0; i < 3; i++)
        {
            await processor.RunDueJobsAsync("w", CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        await using (var scope = host.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>();
            var job = await db.Jobs.SingleAsync();
            job.Status.Should().Be(JobStatus.Dead);
            job.Revive(host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        await processor.RunDueJobsAsync("w", CancellationToken.None);
        ledger.Failures.Should().Be(4);
        (await JobsAsync(host)).Single().Attempts.Should().Be(1);
    }
}
