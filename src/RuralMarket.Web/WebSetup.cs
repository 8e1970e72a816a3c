using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Data.Seed;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Infrastructure.Identity;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Search;
using RuralMarket.Web.Features.Cart;
using RuralMarket.Web.Features.Checkout;
using RuralMarket.Web.Features.Selling;
using RuralMarket.Web.Features.SellerVideos;
using RuralMarket.Web.Infrastructure;
using Serilog;

namespace RuralMarket.Web;

public static class WebSetup
{
    public const string AdminPolicy = "Admin";
    public const string SellerPolicy = "Seller";
    public const string AccountRateLimit = "account";

    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section);
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<RuralMarketDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "rm.auth";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            // A signed-in user without the role gets a real 403 (rendered by the status code page), not a redirect.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddDataProtection()
            .SetApplicationName("RuralMarket")
            .PersistKeysToDbContext<RuralMarketDbContext>();

        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(SellerPolicy, policy => policy.RequireRole(Roles.Seller));

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeAreaFolder("Admin", "/", AdminPolicy);
            options.Conventions.AuthorizeAreaFolder("Seller", "/", SellerPolicy);
        });
        services.AddScoped<DemoSeeder>();
        services.AddCheckoutFeature();
        services.AddCatalogSearch();
        services.AddNearMe();
        services.AddProblemDetails();
        services.AddCart();
        Features.SellerProducts.SellerProductsSetup.AddSellerProducts(services);
        services.AddStorefrontCache();
        services.AddSelling();
        Features.Watch.WatchSetup.AddWatch(services);
        services.AddSellerVideos();
        Features.Reports.ReportsSetup.AddReports(services);
        Features.Admin.AdminSetup.AddAdminConsole(services);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountRateLimit, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("reads");
                }

                var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AccountPostsPerMinute, Window = TimeSpan.FromMinutes(1) });
            });
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

        var runWorkerInWeb = builder.Configuration.GetValue($"{WorkerOptions.Section}:{nameof(WorkerOptions.RunInWeb)}", true);
        if (runWorkerInWeb)
        {
            services.AddBackgroundWork();
        }

        return builder;
    }

    /// <summary>Migrates (SQLite, Development, or when configured) and seeds demo data (Development, or when configured).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var migrate = options.MigrateOnStartup ?? (options.Provider == DatabaseProvider.Sqlite || app.Environment.IsDevelopment());
        var seed = options.SeedDemoData ?? app.Environment.IsDevelopment();
        await using var scope = app.Services.CreateAsyncScope();
        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(CancellationToken.None);
        }

        if (seed)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoVideos>().SeedAsync(CancellationToken.None);
        }

        if (app.Environment.IsDevelopment())
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RuralMarket.Demo");
            foreach (var account in DemoSeeder.Accounts)
            {
                logger.LogInformation("Demo {Role}: {Email} / {Password}", account.Role, account.Email, account.Password);
            }
        }
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so a policy can limit per signed-in person (reports do); account limits go by address.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapWeb(this WebApplication app)
    {
        app.MapRazorPages();
        Endpoints.MediaEndpoints.MapMediaEndpoints(app);
        Endpoints.TusEndpoints.MapTusEndpoints(app);
        Features.Watch.WatchSetup.MapWatch(app);
        Endpoints.StripeWebhookEndpoints.MapStripeWebhooks(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        return app;
    }
}
