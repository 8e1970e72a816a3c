using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Infrastructure.Payments.Stripe;
using RuralMarket.Web.Tests.Support;

namespace RuralMarket.Web.Tests.Payments.Stripe;

/// <summary>The whole app with Stripe as its payment provider, Stripe.net talking to <see cref="FakeStripe"/> in process.</summary>
public abstract class StripeAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const string SecretKey = "sk_test_ruralmarket_fake_key";
    public const string WebhookSecret = "whsec_platform_test_secret_0001";
    public const string ConnectWebhookSecret = "whsec_connect_test_secret_0002";

    private FakeStripe? _stripe;

    public FakeStripe Stripe => _stripe ??= new FakeStripe(Clock);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", SecretKey);
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        builder.UseSetting("Stripe:ConnectWebhookSecret", ConnectWebhookSecret);
        builder.UseSetting("Stripe:MaxNetworkRetries", "1");
        builder.UseSetting("Payments:CheckoutTimeToPay", "00:45:00");
        builder.ConfigureServices(services =>
            services.AddHttpClient(StripeServiceCollectionExtensions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Stripe.CreateHandler()));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_stripe is not null)
        {
            await _stripe.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteStripeApp() : StripeAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresStripeApp() : StripeAppFactory(DatabaseProvider.Postgres);
