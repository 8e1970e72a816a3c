namespace RuralMarket.Web.Features.Admin;

public static class AdminSetup
{
    /// <summary>The admin console's services: moderation, orders, audit log, jobs and settings.</summary>
    public static IServiceCollection AddAdminConsole(this IServiceCollection services)
    {
        services.AddScoped<ModerationQueue>();
        services.AddScoped<ModerationActions>();
        services.AddScoped<AuditLog>();
        services.AddScoped<JobConsole>();
        services.AddScoped<SettingsEditor>();
        services.AddScoped<AdminOrders>();
        return services;
    }
}
