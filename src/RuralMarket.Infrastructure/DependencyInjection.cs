using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Health;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Media.Video.Transcoding;
using RuralMarket.Infrastructure.Ordering;
using RuralMarket.Infrastructure.Payments;

namespace RuralMarket.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database, job queue, email and health checks: everything both the web app and the worker need.</summary>
    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingletonTimeProvider();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        services.AddOptions<WorkerOptions>().BindConfiguration(WorkerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.AddDatabase();
        services.AddScoped<DatabaseInitializer>();

        services.AddSingleton(sp =>
        {
            var registry = new JobRegistry();
            foreach (var entry in sp.GetServices<JobRegistryEntry>())
            {
                entry.Apply(registry);
            }

            return registry;
        });
        services.AddSingleton<JobProcessor>();
        services.AddPeriodicTask<DeleteOldSucceededJobs>();

        services.AddSingleton<MailDropFolder>();
        var smtpHost = builder.Configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.SmtpHost)}"];
        if (string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<MailDropFolder>());
        }
        else
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }

        services.AddJob<SendEmail, SendEmailHandler>();
        builder.AddPayments();
        services.AddOrdering();
        services.AddFulfilment();
        Media.Video.Upload.VideoUploadSetup.AddVideoUploads(services);
        Media.Video.Analytics.VideoAnalyticsSetup.AddVideoAnalytics(services);
        services.AddVideoPipeline();
        Settings.SettingsServiceCollectionExtensions.AddPlatformSettings(services);

        services.AddHealthChecks()
            .AddDbContextCheck<RuralMarketDbContext>("database", tags: ["ready"])
            .AddCheck<FfmpegHealthCheck>("ffmpeg", tags: ["ready"]);
        return builder;
    }

    /// <summary>The job worker and timers as hosted services (in the web process or the worker process).</summary>
    public static IServiceCollection AddBackgroundWork(this IServiceCollection services)
    {
        services.AddHostedService<JobWorker>();
        services.AddHostedService<PeriodicTaskRunner>();
        return services;
    }

    private static void AddDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = builder.Configuration.GetValue($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}", DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.Postgres)
        {
            var connectionString = builder.Configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions),
                    ["Database:Provider is Postgres but ConnectionStrings:Postgres is not set (e.g. ConnectionStrings__Postgres=\"Host=localhost;Database=ruralmarket;Username=ruralmarket;Password=...\")."]);
            }

            // Pooled: a storefront request leases a ready context instead of building one (TechEmpower's Fortunes apps do the same).
            services.AddDbContextPool<PostgresRuralMarketDbContext>(o => o.UseNpgsql(TunedPostgresConnectionString(connectionString)));
            services.AddScoped<RuralMarketDbContext>(sp => sp.GetRequiredService<PostgresRuralMarketDbContext>());
        }
        else
        {
            services.AddDbContextPool<SqliteRuralMarketDbContext>((sp, o) => o.UseSqlite(SqliteConnectionString(sp, builder.Configuration)));
            services.AddScoped<RuralMarketDbContext>(sp => sp.GetRequiredService<SqliteRuralMarketDbContext>());
        }
    }

    /// <summary>
    /// Npgsql settings the storefront benefits from, unless the connection string chooses otherwise: statements
    /// the app runs again and again are prepared on each pooled connection (PostgreSQL plans them once), and a
    /// connection going back to the pool is not reset with DISCARD ALL, which would throw those plans away.
    /// The app sets no session state (no SET, no advisory locks, no temp tables), so there is nothing to reset.
    /// </summary>
    internal static string TunedPostgresConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!ContainsKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!ContainsKey(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;

        static bool ContainsKey(string connectionString, params string[] names) =>
            names.Any(name => connectionString.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    private static string SqliteConnectionString(IServiceProvider services, IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dataDirectory = DataPaths.Resolve(services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<IHostEnvironment>());
        Directory.CreateDirectory(dataDirectory);
        return $"Data Source={Path.Combine(dataDirectory, "ruralmarket.db")};Default Timeout=30;Foreign Keys=True";
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
