using Microsoft.Extensions.Options;
using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Payments.Stripe;

/// <summary>
/// Stripe settings (configuration section <c>Stripe</c>). Stripe is the payment provider when
/// <see cref="SecretKey"/> is set; every other setting is then checked at start-up and the app refuses to
/// start with a clear message when one is missing or malformed.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>The platform account's secret key (<c>sk_test_…</c>, <c>sk_live_…</c>, or a restricted <c>rk_…</c>).</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Optional (hosted checkout needs none); when set it must be the same mode as the secret key.</summary>
    public string? PublishableKey { get; set; }

    /// <summary>Signing secret of the platform endpoint <c>/webhooks/stripe</c> (<c>whsec_…</c>).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Signing secret of the Connect endpoint <c>/webhooks/stripe/connect</c> (<c>whsec_…</c>): a different endpoint, a different secret.</summary>
    public string ConnectWebhookSecret { get; set; } = "";

    /// <summary>
    /// The platform fee shown to sellers when they set up payouts, in basis points (1000 = 10 %). Each order
    /// freezes its seller's commission when placed; the transfer is the order total less that frozen fee.
    /// </summary>
    public int PlatformFeeBasisPoints { get; set; } = 1000;

    /// <summary>The platform's settlement currency (ISO code, e.g. USD); new seller accounts default to it.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Country of new Express seller accounts (ISO 3166-1 alpha-2).</summary>
    public string ConnectCountry { get; set; } = "US";

    /// <summary>How long one call to Stripe may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries of a failed call (same idempotency key, so never twice in effect).</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    /// <summary>Only for a local Stripe stand-in; leave empty for Stripe itself.</summary>
    public Uri? ApiBase { get; set; }

    public bool IsTestMode => SecretKey.StartsWith("sk_test_", StringComparison.Ordinal) || SecretKey.StartsWith("rk_test_", StringComparison.Ordinal);

    internal IEnumerable<string> Problems(TimeSpan checkoutTimeToPay)
    {
        if (!(SecretKey.StartsWith("sk_", StringComparison.Ordinal) || SecretKey.StartsWith("rk_", StringComparison.Ordinal)) || SecretKey.Length < 12)
        {
            yield return "Stripe:SecretKey must be a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_… key).";
        }

        if (!string.IsNullOrWhiteSpace(PublishableKey)
            && (!PublishableKey.StartsWith("pk_", StringComparison.Ordinal) || PublishableKey.StartsWith("pk_test_", StringComparison.Ordinal) != IsTestMode))
        {
            yield return "Stripe:PublishableKey must be a pk_… key of the same mode (test or live) as Stripe:SecretKey.";
        }

        foreach (var (name, secret) in new[] { (nameof(WebhookSecret), WebhookSecret), (nameof(ConnectWebhookSecret), ConnectWebhookSecret) })
        {
            if (!secret.StartsWith("whsec_", StringComparison.Ordinal) || secret.Length < 12)
            {
                yield return $"Stripe:{name} must be the endpoint's signing secret (whsec_…), from the Stripe dashboard or `stripe listen`.";
            }
        }

        if (!string.IsNullOrEmpty(WebhookSecret) && WebhookSecret == ConnectWebhookSecret)
        {
            yield return "Stripe:WebhookSecret and Stripe:ConnectWebhookSecret must differ: the platform and Connect endpoints each have their own.";
        }

        if (PlatformFeeBasisPoints is < 0 or > 10_000)
        {
            yield return "Stripe:PlatformFeeBasisPoints must be between 0 and 10000 (1000 = 10 %).";
        }

        string? currencyProblem = null;
        try
        {
            _ = Money.Zero(Currency);
        }
        catch (DomainException)
        {
            currencyProblem = $"Stripe:Currency must be a currency code like USD (it is '{Currency}').";
        }

        if (currencyProblem is not null)
        {
            yield return currencyProblem;
        }

        if (ConnectCountry.Length != 2 || !ConnectCountry.All(char.IsAsciiLetterUpper))
        {
            yield return "Stripe:ConnectCountry must be a two-letter country code like US.";
        }

        if (RequestTimeout <= TimeSpan.Zero || MaxNetworkRetries is < 0 or > 5)
        {
            yield return "Stripe:RequestTimeout must be positive and Stripe:MaxNetworkRetries between 0 and 5.";
        }

        // Stripe refuses a Checkout Session that expires sooner than 30 minutes or later than 24 hours after it is made.
        if (checkoutTimeToPay < TimeSpan.FromMinutes(31) || checkoutTimeToPay > TimeSpan.FromHours(23))
        {
            yield return $"With Stripe, Payments:CheckoutTimeToPay must be between 31 minutes and 23 hours (it is {checkoutTimeToPay}): a Stripe Checkout Session lives 30 minutes to 24 hours.";
        }
    }
}

internal sealed class StripeOptionsValidator(IOptions<PaymentOptions> payments) : IValidateOptions<StripeOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeOptions options)
    {
        var problems = options.Problems(payments.Value.CheckoutTimeToPay).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
