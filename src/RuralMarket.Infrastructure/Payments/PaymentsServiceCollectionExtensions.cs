using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RuralMarket.Infrastructure.Jobs;
using RuralMarket.Infrastructure.Payments.Local;
using RuralMarket.Infrastructure.Payments.Refunds;
using RuralMarket.Infrastructure.Payments.Stripe;

namespace RuralMarket.Infrastructure.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>Payment options, the inbox's apply job, refunds, disputes and seller accounts; Stripe when <c>Stripe:SecretKey</c> is set, else the local test provider.</summary>
    public static IHostApplicationBuilder AddPayments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PaymentOptions>().BindConfiguration(PaymentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddJob<ApplyPaymentEvent, ApplyPaymentEventHandler>();
        services.AddScoped<OrderRefunds>();
        services.AddScoped<PaymentDisputes>();
        services.AddScoped<SellerPayoutAccounts>();

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{StripeOptions.Section}:{nameof(StripeOptions.SecretKey)}"]))
        {
            services.AddSingleton<IPaymentProvider, LocalTestPaymentProvider>();
            services.AddSingleton<IValidateOptions<PaymentOptions>, TestProviderAllowedHere>();
        }
        else
        {
            services.AddStripePayments();
        }

        return builder;
    }

    /// <summary>Refuses to start a Production app that would take "payments" with the test provider.</summary>
    private sealed class TestProviderAllowedHere(IHostEnvironment environment) : IValidateOptions<PaymentOptions>
    {
        public ValidateOptionsResult Validate(string? name, PaymentOptions options) =>
            environment.IsProduction() && !options.AllowTestProviderInProduction
                ? ValidateOptionsResult.Fail(
                    "No Stripe:SecretKey is configured, so payments would use the local test provider, where no money moves. " +
                    "Set Stripe:SecretKey (and the webhook secrets) for real payments, or set Payments:AllowTestProviderInProduction=true for a demo.")
                : ValidateOptionsResult.Success;
    }
}
