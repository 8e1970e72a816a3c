using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Email;
using RuralMarket.Infrastructure.Fulfilment;
using RuralMarket.Infrastructure.Health;
using RuralMarket.Infrastructure.Jobs;
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

            services.AddDbContext<PostgresRuralMarketDbContext>(o => o.UseNpgsql(connectionString));
            services.AddScoped<RuralMarketDbContext>(sp => sp.GetRequiredService<PostgresRuralMarketDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteRuralMarketDbContext>((sp, o) => o.UseSqlite(SqliteConnectionString(sp, builder.Configuration)));
            services.AddScoped<RuralMarketDbContext>(sp => sp.GetRequiredService<SqliteRuralMarketDbContext>());
        }
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
