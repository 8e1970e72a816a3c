using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace RuralMarket.Infrastructure.Payments.Stripe;

public static class StripeServiceCollectionExtensions
{
    /// <summary>The HttpClient Stripe.net talks through (tests point it at an in-process fake of Stripe).</summary>
    public const string HttpClientName = "stripe";

    /// <summary>Stripe as <see cref="IPaymentProvider"/>, its options validated at start-up.</summary>
    public static IServiceCollection AddStripePayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidator>();
        services.AddHttpClient(HttpClientName);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StripeOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            http.Timeout = options.RequestTimeout;
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = options.SecretKey,
                ApiBase = options.ApiBase?.ToString().TrimEnd('/'),
                HttpClient = new SystemNetHttpClient(http, options.MaxNetworkRetries, new AppInfo { Name = "RuralMarket" }, enableTelemetry: false),
            });
        });
        services.AddSingleton<IPaymentProvider, StripePaymentProvider>();
        return services;
    }
}
