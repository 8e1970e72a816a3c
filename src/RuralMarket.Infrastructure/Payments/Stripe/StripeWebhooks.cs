using Stripe;
using Stripe.Checkout;

namespace RuralMarket.Infrastructure.Payments.Stripe;

/// <summary>Which Stripe endpoint an event came to: each has its own signing secret.</summary>
public enum StripeWebhookEndpoint
{
    Platform,
    Connect,
}

/// <summary>A webhook we refuse (400): a bad or missing signature, a stale timestamp, or a body that is not an event.</summary>
public sealed class StripeWebhookRejectedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Verifies a Stripe webhook on its raw body (HMAC-SHA256 of "{t}.{body}" with the endpoint's secret, five
/// minutes' tolerance, any changed byte fails) and turns the event into our own words. Pure: no database,
/// no network; the inbox and the apply job do the rest.
/// </summary>
public static class StripeWebhooks
{
    public const long ToleranceSeconds = 300;

    /// <exception cref="StripeWebhookRejectedException">The request is not a genuine, fresh Stripe event.</exception>
    public static Event Verify(string rawBody, string? signatureHeader, string secret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            throw new StripeWebhookRejectedException("The Stripe-Signature header is missing.");
        }

        try
        {
            EventUtility.ValidateSignature(rawBody, signatureHeader, secret, ToleranceSeconds, now.ToUnixTimeSeconds());
        }
        catch (StripeException ex)
        {
            throw new StripeWebhookRejectedException(ex.Message, ex);
        }

        try
        {
            // Events of another API version still carry the fields we read; refusing them would lose payments.
            return EventUtility.ParseEvent(rawBody, throwOnApiVersionMismatch: false)
                ?? throw new StripeWebhookRejectedException("The body is not a Stripe event.");
        }
        catch (Exception ex) when (ex is not StripeWebhookRejectedException and not OperationCanceledException)
        {
            throw new StripeWebhookRejectedException("The body is not a Stripe event: " + ex.Message, ex);
        }
    }

    /// <summary>Our event for a Stripe event, or null for the types we do not act on (acknowledged, not stored).</summary>
    public static NormalizedPaymentEvent? Normalize(Event stripeEvent) => (stripeEvent.Type, stripeEvent.Data?.Object) switch
    {
        ("checkout.session.completed", Session s) when CheckoutIdOf(s) is { } id =>
            s.PaymentStatus == "unpaid" ? new CheckoutPaymentPending(id) : new CheckoutPaid(id, s.Id, s.PaymentIntentId),
        ("checkout.session.async_payment_succeeded", Session s) when CheckoutIdOf(s) is { } id => new CheckoutPaid(id, s.Id, s.PaymentIntentId),
        ("checkout.session.async_payment_failed", Session s) when CheckoutIdOf(s) is { } id =>
            new CheckoutFailed(id, "The payment did not go through: the bank declined it or it was not completed."),
        ("checkout.session.expired", Session s) when CheckoutIdOf(s) is { } id => new CheckoutExpired(id),
        ("charge.refunded", Charge c) when Guid.TryParse(c.TransferGroup, out var id) => new Refunded(id, c.AmountRefunded, c.Currency.ToUpperInvariant()),
        ("charge.dispute.created", Dispute d) when d.ChargeId is { Length: > 0 } => new DisputeOpened(d.ChargeId, d.Id, d.Reason ?? "unknown"),
        ("charge.dispute.closed", Dispute d) when d.ChargeId is { Length: > 0 } => new DisputeClosed(d.ChargeId, d.Id, d.Status ?? "unknown"),
        ("account.updated", Account a) => new SellerAccountUpdated(a.Id, a.ChargesEnabled, a.PayoutsEnabled),
        _ => null,
    };

    private static Guid? CheckoutIdOf(Session session) =>
        Guid.TryParse(session.ClientReferenceId, out var id) ? id
        : session.Metadata?.TryGetValue("checkout_id", out var fromMetadata) == true && Guid.TryParse(fromMetadata, out id) ? id
        : null;
}
