using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Media.Video.Analytics;

public static class VideoAnalyticsSetup
{
    /// <summary>The job that credits videos with the orders their tagged products led to.</summary>
    public static IServiceCollection AddVideoAnalytics(this IServiceCollection services) =>
        services.AddJob<AttributeVideoOrders, AttributeVideoOrdersHandler>();
}
