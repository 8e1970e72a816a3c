using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Payments;
using RuralMarket.Infrastructure.Payments.Stripe;
using Stripe;

namespace RuralMarket.Infrastructure.Tests.Payments;

public sealed class StripeWebhooksTests
{
    private const string Secret = "whsec_unit_test_secret_1";
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CheckoutId = Guid.Parse("01a20000-0000-7000-8000-000000000001");

    private static string Completed(string paymentStatus) =>
        "{\"id\":\"evt_1\",\"object\":\"event\",\"api_version\":\"" + StripeConfiguration.ApiVersion + "\",\"created\":1,\"type\":\"checkout.session.completed\","
        + "\"data\":{\"object\":{\"id\":\"cs_test_1\",\"object\":\"checkout.session\",\"client_reference_id\":\"" + CheckoutId + "\","
        + "\"payment_status\":\"" + paymentStatus + "\",\"payment_intent\":\"pi_1\",\"status\":\"complete\"}}}";

    [Fact]
    public void A_genuine_fresh_event_is_verified_and_a_paid_session_becomes_CheckoutPaid()
    {
        var json = Completed("paid");

        var stripeEvent = StripeWebhooks.Verify(json, EventUtility.GenerateSignatureHeader(json, Secret, Now.AddSeconds(-299).ToUnixTimeSeconds()), Secret, Now);

        StripeWebhooks.Normalize(stripeEvent).Should().Be(new CheckoutPaid(CheckoutId, "cs_test_1", "pi_1"));
    }

    [Fact]
    public void An_unpaid_completed_session_waits_for_the_payment_to_clear()
    {
        var json = Completed("unpaid");

        StripeWebhooks.Normalize(StripeWebhooks.Verify(json, EventUtility.GenerateSignatureHeader(json, Secret, Now.ToUnixTimeSeconds()), Secret, Now))
            .Should().Be(new CheckoutPaymentPending(CheckoutId));
    }

    [Theory]
    [InlineData("other secret")]
    [InlineData("changed byte")]
    [InlineData("stale")]
    [InlineData("no header")]
    [InlineData("not json")]
    public void Anything_else_is_rejected(string how)
    {
        var json = how == "not json" ? "{\"id\":" : Completed("paid");
        var header = how switch
        {
            "other secret" => EventUtility.GenerateSignatureHeader(json, "whsec_unit_test_secret_2", Now.ToUnixTimeSeconds()),
            "stale" => EventUtility.GenerateSignatureHeader(json, Secret, Now.AddSeconds(-301).ToUnixTimeSeconds()),
            "no header" => null,
            _ => EventUtility.GenerateSignatureHeader(json, Secret, Now.ToUnixTimeSeconds()),
        };
        var body = how == "changed byte" ? json.Replace("paid", "pai ", StringComparison.Ordinal) : json;

        var verify = () => StripeWebhooks.Verify(body, header, Secret, Now);

        verify.Should().Throw<StripeWebhookRejectedException>();
    }

    [Fact]
    public void Zero_decimal_yen_cross_to_Stripe_as_whole_yen_and_dollars_as_cents()
    {
        StripeAmounts.ToStripe(new Money(1200, "JPY")).Should().Be(1200);
        StripeAmounts.Currency(new Money(1200, "JPY")).Should().Be("jpy");
        StripeAmounts.FromStripe(1200, "jpy").Format().Should().Be("¥1200");
        StripeAmounts.ToStripe(Money.FromMajor(12.50m, "USD")).Should().Be(1250);
        var kwd = () => StripeAmounts.ToStripe(new Money(1005, "KWD"));
        kwd.Should().Throw<DomainException>();
    }
}
