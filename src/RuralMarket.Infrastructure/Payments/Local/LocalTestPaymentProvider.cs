namespace RuralMarket.Infrastructure.Payments.Local;

/// <summary>
/// The default provider when no Stripe key is configured: our own "TEST PAYMENT — no money moves" page
/// (/test-payment/{checkoutId}) stands in for the hosted checkout. Refunds and transfers are recorded
/// with ids that say "test": nothing leaves anyone's account.
/// </summary>
public sealed class LocalTestPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "local-test";

    public string Name => ProviderName;

    public bool IsTest => true;

    public static Uri HostedPagePath(Guid checkoutId) => new($"/test-payment/{checkoutId}", UriKind.Relative);

    public static string ReferenceFor(Guid checkoutId) => $"test_cs_{checkoutId:N}";

    public Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new HostedCheckout(HostedPagePath(request.CheckoutId), ReferenceFor(request.CheckoutId)));

    public Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new RefundResult($"test_re_{Stable(request.IdempotencyKey)}", IsTest: true));

    public Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferResult($"test_tr_{Stable(request.IdempotencyKey)}", IsTest: true));

    public Task<TransferReversalResult> ReverseTransferAsync(TransferReversalRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new TransferReversalResult($"test_trr_{Stable(request.IdempotencyKey)}", IsTest: true));

    /// <summary>Test sellers need no account: the link goes straight back to where onboarding would return.</summary>
    public Task<OnboardingLink> CreateOnboardingLinkAsync(OnboardingRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new OnboardingLink(request.ReturnUrl, request.ExistingAccountId ?? $"test_acct_{request.SellerId:N}"));

    public Task<SellerAccountStatus> GetSellerAccountAsync(string accountId, CancellationToken cancellationToken) =>
        Task.FromResult(new SellerAccountStatus(accountId, ChargesEnabled: true, PayoutsEnabled: true, DetailsSubmitted: true, [], null));

    public Task<string?> FindPaymentReferenceAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(providerPaymentId);

    /// <summary>The same key always gives the same id, as a provider's idempotency would.</summary>
    private static string Stable(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..24];
}
