using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Payments;

/// <summary>
/// One payment provider (Stripe, or the local test provider). Every call is idempotent for the same
/// business id, so a retried request never charges, refunds or transfers twice.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Stored on each checkout (Checkout.PaymentProvider) and on each inbox row.</summary>
    string Name { get; }

    /// <summary>True when no money moves (the local test provider).</summary>
    bool IsTest { get; }

    /// <summary>The provider's hosted payment page for a checkout. Asking again for the same checkout returns the same page.</summary>
    Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken);

    /// <summary>Gives money back to the buyer for a paid checkout.</summary>
    Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken);

    /// <summary>Sends a seller their share of an order (separate charges and transfers).</summary>
    Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken);

    /// <summary>Where a seller goes to set up the account that receives their payouts.</summary>
    Task<Uri> CreateOnboardingLinkAsync(OnboardingRequest request, CancellationToken cancellationToken);
}

public sealed record HostedCheckoutRequest(
    Guid CheckoutId,
    Money Total,
    string BuyerEmail,
    DateTime ExpiresAt,
    string Description,
    Uri SuccessUrl,
    Uri CancelUrl);

/// <summary>Where to send the buyer, and the provider's id for that payment (Checkout.ProviderReference).</summary>
public sealed record HostedCheckout(Uri RedirectUrl, string ProviderReference);

/// <param name="IdempotencyKey">Derived from business ids (e.g. <c>refund:order:{id}</c>).</param>
public sealed record RefundRequest(Guid CheckoutId, string ProviderReference, Money Amount, string Reason, string IdempotencyKey);

public sealed record RefundResult(string RefundId, bool IsTest);

public sealed record TransferRequest(Guid PayoutId, Guid CheckoutId, string DestinationAccountId, Money Amount, string IdempotencyKey);

public sealed record TransferResult(string TransferId, bool IsTest);

public sealed record OnboardingRequest(Guid SellerId, string? ExistingAccountId, Uri ReturnUrl, Uri RefreshUrl);
