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

    /// <summary>Takes back (part of) a transfer already made to a seller, when the order is refunded afterwards.</summary>
    Task<TransferReversalResult> ReverseTransferAsync(TransferReversalRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Where a seller goes to set up the account that receives their payouts; creates that account first when
    /// the seller has none (idempotent per seller).
    /// </summary>
    Task<OnboardingLink> CreateOnboardingLinkAsync(OnboardingRequest request, CancellationToken cancellationToken);

    /// <summary>The seller's payout account as the provider sees it now (the truth behind account events).</summary>
    Task<SellerAccountStatus> GetSellerAccountAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The id of the captured payment (a Stripe charge) behind a provider payment reference (a Stripe payment
    /// intent); refunds and transfers point at it. Null when the provider cannot say yet.
    /// </summary>
    Task<string?> FindPaymentReferenceAsync(string providerPaymentId, CancellationToken cancellationToken);
}

/// <param name="Lines">What the buyer sees on the hosted page: every order line and delivery fee (they add up to <paramref name="Total"/>).</param>
public sealed record HostedCheckoutRequest(
    Guid CheckoutId,
    Money Total,
    string BuyerEmail,
    DateTime ExpiresAt,
    string Description,
    Uri SuccessUrl,
    Uri CancelUrl,
    IReadOnlyList<HostedCheckoutLine>? Lines = null);

/// <summary>One line of the hosted payment page: a product of one order, or an order's delivery fee.</summary>
public sealed record HostedCheckoutLine(Guid OrderId, string Name, Money UnitPrice, int Quantity);

/// <summary>The provider could not open its payment page (down, slow, refused): nothing was charged.</summary>
public sealed class PaymentProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Where to send the buyer, and the provider's id for that payment (Checkout.ProviderReference).</summary>
public sealed record HostedCheckout(Uri RedirectUrl, string ProviderReference);

/// <param name="IdempotencyKey">Derived from business ids (e.g. <c>refund:order:{id}</c>).</param>
/// <param name="PaymentReference">The captured payment (Checkout.PaymentReference, a Stripe charge), when known.</param>
public sealed record RefundRequest(Guid CheckoutId, string ProviderReference, Money Amount, string Reason, string IdempotencyKey, string? PaymentReference = null);

public sealed record RefundResult(string RefundId, bool IsTest);

/// <param name="SourceTransaction">The checkout's captured payment (Stripe: the charge), so the transfer is funded by it.</param>
public sealed record TransferRequest(Guid PayoutId, Guid CheckoutId, string DestinationAccountId, Money Amount, string IdempotencyKey, string? SourceTransaction = null, Guid? OrderId = null);

public sealed record TransferResult(string TransferId, bool IsTest);

public sealed record TransferReversalRequest(string TransferId, Money Amount, string IdempotencyKey);

public sealed record TransferReversalResult(string ReversalId, bool IsTest);

public sealed record OnboardingRequest(Guid SellerId, string? ExistingAccountId, Uri ReturnUrl, Uri RefreshUrl, string? Email = null, string? Country = null);

/// <summary>The link to send the seller to, and the account it sets up (new or existing).</summary>
public sealed record OnboardingLink(Uri Url, string AccountId);

/// <param name="CurrentlyDue">What the provider still needs from the seller, in its own words (e.g. "external_account").</param>
public sealed record SellerAccountStatus(string AccountId, bool ChargesEnabled, bool PayoutsEnabled, bool DetailsSubmitted, IReadOnlyList<string> CurrentlyDue, string? DisabledReason);
