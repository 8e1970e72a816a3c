using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Testing;

namespace RuralMarket.EndToEnd.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port (loopback, picked by the OS) on a fresh, seeded database of one
/// provider, plus one headless Debian Chromium driven through Playwright. Each test opens its own
/// <see cref="Journey"/>: a fresh browser context (no cookies) sized like a phone.
/// Background jobs are off unless a subclass turns on the app's own in-process worker (<see cref="SqliteShopApp"/>,
/// <see cref="PostgresShopApp"/>): then payments are applied and emails sent as in production, polled every 200 ms.
/// </summary>
public abstract class LiveApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>How long an <c>Expect(...)</c> keeps retrying before it fails, in milliseconds.</summary>
    public const float ExpectTimeout = 15_000;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rm-e2e-").FullName;
    private string? _postgres;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    private readonly bool _runsBackgroundJobs;

    protected LiveApp(DatabaseProvider provider)
        : this(provider, runsBackgroundJobs: false)
    {
    }

    protected LiveApp(DatabaseProvider provider, bool runsBackgroundJobs)
    {
        Provider = provider;
        _runsBackgroundJobs = runsBackgroundJobs;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The app has not been started: the fixture's InitializeAsync has not run.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched: the fixture's InitializeAsync has not run.");

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("e2e");
        }

        StartServer(); // builds the host, migrates and seeds, and starts Kestrel
        _baseAddress = ListeningAddress();

        // Expect(...) retries until its condition holds; 5 s (the default) is tight for a first, cold page on a
        // busy 2-core CI machine. A condition that never holds still fails, just later.
        Assertions.SetDefaultExpectTimeout(ExpectTimeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumLocator.ExecutablePath,
            Args = ChromiumLocator.LaunchArgs,
            Headless = true,
        });
    }

    /// <summary>A fresh phone-sized browser context and page, watching for console errors and failed requests.</summary>
    public Task<Journey> StartJourneyAsync(string name) => Journey.StartAsync(this, name);

    /// <summary>As <see cref="StartJourneyAsync(string)"/>, but the page lets the test inject scripts (axe-core) despite its Content-Security-Policy.</summary>
    public Task<Journey> StartJourneyInjectingScriptsAsync(string name) => Journey.StartAsync(this, name, bypassContentSecurityPolicy: true);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres ?? "");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Worker:RunInWeb", _runsBackgroundJobs ? "true" : "false");
        builder.UseSetting("Worker:PollInterval", "00:00:00.2");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "10000");
    }

    private Uri ListeningAddress()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Kestrel reports no http address (it has: {string.Join(", ", addresses)}).");
        var uri = new Uri(address.EndsWith('/') ? address : address + "/");
        uri.IsLoopback.Should().BeTrue("the app under test listens on loopback only");
        uri.Port.Should().BePositive();
        return uri;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_postgres);
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class SqliteLiveApp() : LiveApp(DatabaseProvider.Sqlite);

public sealed class PostgresLiveApp() : LiveApp(DatabaseProvider.Postgres);

/// <summary>The app on SQLite with its in-process worker running: checkouts get paid, emails get sent.</summary>
public sealed class SqliteShopApp() : LiveApp(DatabaseProvider.Sqlite, runsBackgroundJobs: true);

/// <summary>The app on PostgreSQL with its in-process worker running: checkouts get paid, emails get sent.</summary>
public sealed class PostgresShopApp() : LiveApp(DatabaseProvider.Postgres, runsBackgroundJobs: true);
