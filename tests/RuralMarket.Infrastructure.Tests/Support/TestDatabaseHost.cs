using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Testing;

namespace RuralMarket.Infrastructure.Tests.Support;

/// <summary>
/// The infrastructure services (no web host) on a fresh, migrated database of the given provider,
/// with a controllable clock. Disposing drops the database.
/// </summary>
public sealed class TestDatabaseHost : IAsyncDisposable
{
    private readonly string? _postgresConnectionString;
    private readonly string _dataDirectory;

    private TestDatabaseHost(ServiceProvider services, FakeTimeProvider clock, string? postgresConnectionString, string dataDirectory)
    {
        Services = services;
        Clock = clock;
        _postgresConnectionString = postgresConnectionString;
        _dataDirectory = dataDirectory;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<TestDatabaseHost> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("rm-infra-").FullName;
        string? postgres = null;
        var configuration = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Storage:DataDirectory"] = dataDirectory,
        };
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("infra");
            configuration["ConnectionStrings:Postgres"] = postgres;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(configuration);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddInfrastructure();
        configure?.Invoke(builder.Services);

        var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        }

        return new TestDatabaseHost(services, clock, postgres, dataDirectory);
    }

    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresConnectionString is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_postgresConnectionString);
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}
