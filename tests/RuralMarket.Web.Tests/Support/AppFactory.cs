using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Testing;

namespace RuralMarket.Web.Tests.Support;

/// <summary>
/// The whole app in memory on a fresh database of one provider, seeded with the demo data.
/// Background work does not run on its own: tests drain the job queue when they want jobs done.
/// </summary>
public abstract class AppFactory(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rm-web-").FullName;
    private string? _postgres;

    public DatabaseProvider Provider { get; } = provider;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            _postgres = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("web");
        }

        _ = Services; // starts the host: migrates and seeds
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:Postgres", _postgres ?? "");
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Worker:RunInWeb", "false");
        builder.UseSetting("RateLimits:AccountPostsPerMinute", "10000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs every due job (emails and the like) until the queue is empty.</summary>
    public async Task RunJobsAsync()
    {
        var processor = Services.GetRequiredService<JobProcessor>();
        while (await processor.RunDueJobsAsync("test-worker", CancellationToken.None) > 0)
        {
        }
    }

    public const string TestPassword = "Orchard-gate-42";

    /// <summary>Creates a confirmed user (if missing) with an optional role, through Identity as registration would.</summary>
    public async Task CreateUserAsync(string email, string? role = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = Clock.GetUtcNow().UtcDateTime };
            (await users.CreateAsync(user, email.EndsWith("@demo.ruralmarket.local", StringComparison.Ordinal) ? "Harvest-2026" : TestPassword)).Succeeded.Should().BeTrue();
        }

        if (role is not null && !await users.IsInRoleAsync(user, role))
        {
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>A browser signed in through the sign-in form. Demo accounts use their printed password; others are created.</summary>
    public async Task<HttpClient> SignInAsync(string email, string? role = null)
    {
        await CreateUserAsync(email, role);
        var browser = CreateBrowser();
        var page = await browser.GetPageAsync("/Account/SignIn");
        var password = email.EndsWith("@demo.ruralmarket.local", StringComparison.Ordinal) ? "Harvest-2026" : TestPassword;
        using var response = await browser.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return browser;
    }

    public Task<IReadOnlyList<DroppedMail>> SentMailAsync() => Services.GetRequiredService<MailDropFolder>().ListAsync(100, CancellationToken.None);

    public async Task<T> WithDbAsync<T>(Func<RuralMarketDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RuralMarketDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await (await PostgresServer.GetAsync()).DropDatabaseAsync(_postgres);
        }

        Directory.Delete(_dataDirectory, recursive: true);
    }
}

public sealed class SqliteApp() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresApp() : AppFactory(DatabaseProvider.Postgres);
