using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace RuralMarket.Web.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Report posts one signed-in person may send per hour (a second report of the same thing counts too).</summary>
    [Range(1, 10_000)]
    public int PostsPerHour { get; set; } = 10;
}

public static class ReportsSetup
{
    /// <summary>The rate limit policy on report posts, per signed-in person (per address for anyone else).</summary>
    public const string RateLimitPolicy = "reports";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReportFiling>();
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(RateLimitPolicy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("reads");
            }

            var limit = context.RequestServices.GetRequiredService<IOptions<ReportOptions>>().Value.PostsPerHour;
            var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "local";
            return RateLimitPartition.GetFixedWindowLimiter(
                "report:" + who,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromHours(1) });
        }));
        return services;
    }
}
