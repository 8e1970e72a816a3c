using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Jobs;

namespace RuralMarket.Infrastructure.Fulfilment;

public static class FulfilmentServiceCollectionExtensions
{
    /// <summary>Seller order actions, shared cancellation and completion, and the fulfilment timers (options from <c>Fulfilment</c>, validated at start).</summary>
    public static IServiceCollection AddFulfilment(this IServiceCollection services)
    {
        services.AddOptions<FulfilmentWorkerOptions>().BindConfiguration(FulfilmentWorkerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FulfilmentWorkerOptions>, FulfilmentWorkerOptionsValidator>();
        services.AddScoped<OrderCancellation>();
        services.AddScoped<OrderCompletion>();
        services.AddScoped<SellerOrderActions>();
        services.AddPeriodicTask<RemindSellersOfUnshippedOrders>();
        services.AddPeriodicTask<CancelUnshippedOrders>();
        services.AddPeriodicTask<CompleteDeliveredOrders>();
        services.AddPeriodicTask<ReleasePayouts>();
        return services;
    }
}

internal sealed class FulfilmentWorkerOptionsValidator : IValidateOptions<FulfilmentWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, FulfilmentWorkerOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
