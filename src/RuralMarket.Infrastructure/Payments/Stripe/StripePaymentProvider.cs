using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace RuralMarket.Infrastructure.Payments.Stripe;

/// <summary>
/// Stripe as the payment provider: one Checkout Session per checkout (separate charges and transfers, the
/// transfer group is the checkout id), Connect Express accounts for sellers, a transfer per order funded by
/// the checkout's charge, refunds and transfer reversals. Every call that moves money or creates something
/// carries an idempotency key made from business ids, so a retry (ours or Stripe.net's) never does it twice.
/// </summary>
public sealed class StripePaymentProvider(StripeClient stripe, IOptions<StripeOptions> options, ILogger<StripePaymentProvider> logger) : IPaymentProvider
{
    public const string ProviderName = "stripe";

    public string Name => ProviderName;

    public bool IsTest => false;

    public static string SessionIdempotencyKey(Guid checkoutId) => $"checkout-session:{checkoutId:N}";

    public static string AccountIdempotencyKey(Guid sellerId) => $"account:seller:{sellerId:N}";

    public async Task<HostedCheckout> CreateHostedCheckoutAsync(HostedCheckoutRequest request, CancellationToken cancellationToken)
    {
        var checkoutId = request.CheckoutId.ToString();
        var lines = request.Lines is { Count: > 0 } given
            ? given
            : [new HostedCheckoutLine(request.CheckoutId, request.Description, request.Total, 1)];
        var sum = lines.Skip(1).Aggregate(lines[0].UnitPrice.Times(lines[0].Quantity), (total, line) => total + line.UnitPrice.Times(line.Quantity));
        if (sum != request.Total)
        {
            throw new InvalidOperationException($"The checkout's lines add up to {sum} but its total is {request.Total}.");
        }

        var create = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = checkoutId,
            CustomerEmail = request.BuyerEmail,
            SuccessUrl = request.SuccessUrl.ToString(),
            CancelUrl = request.CancelUrl.ToString(),
            ExpiresAt = DateTime.SpecifyKind(request.ExpiresAt, DateTimeKind.Utc),
            Metadata = new Dictionary<string, string> { ["checkout_id"] = checkoutId },
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                TransferGroup = checkoutId,
                Description = Trim(request.Description, 1000),
                Metadata = new Dictionary<string, string> { ["checkout_id"] = checkoutId },
            },
            LineItems = [.. lines.Select(line => new SessionLineItemOptions
            {
                Quantity = line.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = StripeAmounts.Currency(line.UnitPrice),
                    UnitAmount = StripeAmounts.ToStripe(line.UnitPrice),
                    ProductData = new SessionLineItemPriceDataProductDataOptions
                    {
                        Name = Trim(line.Name, 250),
                        Metadata = new Dictionary<string, string> { ["order_id"] = line.OrderId.ToString() },
                    },
                },
            })],
        };

        var session = await CallAsync(
            "open the payment page",
            ct => stripe.V1.Checkout.Sessions.CreateAsync(create, Idempotent(SessionIdempotencyKey(request.CheckoutId)), ct),
            cancellationToken);
        logger.LogInformation("Stripe session {SessionId} for checkout {CheckoutId}", session.Id, request.CheckoutId);
        return new HostedCheckout(new Uri(session.Url), session.Id);
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        var create = new RefundCreateOptions
        {
            Amount = StripeAmounts.ToStripe(request.Amount),
            Reason = "requested_by_customer",
            Metadata = new Dictionary<string, string> { ["checkout_id"] = request.CheckoutId.ToString(), ["reason"] = Trim(request.Reason, 500) },
        };
        var payment = request.PaymentReference;
        if (payment is null)
        {
            // Not recorded yet (a payment that arrived after the checkout ended): find it through the session.
            var session = await CallAsync("look up the payment", ct => stripe.V1.Checkout.Sessions.GetAsync(request.ProviderReference, cancellationToken: ct), cancellationToken);
            payment = session.PaymentIntentId ?? throw new PaymentProviderUnavailableException("Stripe has no payment for this checkout to refund.");
        }

        if (payment.StartsWith("pi_", StringComparison.Ordinal))
        {
            create.PaymentIntent = payment;
        }
        else
        {
            create.Charge = payment;
        }

        var refund = await CallAsync("refund", ct => stripe.V1.Refunds.CreateAsync(create, Idempotent(request.IdempotencyKey), ct), cancellationToken);
        return new RefundResult(refund.Id, IsTest: false);
    }

    public async Task<TransferResult> TransferAsync(TransferRequest request, CancellationToken cancellationToken)
    {
        var create = new TransferCreateOptions
        {
            Amount = StripeAmounts.ToStripe(request.Amount),
            Currency = StripeAmounts.Currency(request.Amount),
            Destination = request.DestinationAccountId,
            TransferGroup = request.CheckoutId.ToString(),
            SourceTransaction = request.SourceTransaction,
            Metadata = new Dictionary<string, string>
            {
                ["payout_id"] = request.PayoutId.ToString(),
                ["order_id"] = request.OrderId?.ToString() ?? "",
            },
        };
        var transfer = await CallAsync("transfer", ct => stripe.V1.Transfers.CreateAsync(create, Idempotent(request.IdempotencyKey), ct), cancellationToken);
        return new TransferResult(transfer.Id, IsTest: false);
    }

    public async Task<TransferReversalResult> ReverseTransferAsync(TransferReversalRequest request, CancellationToken cancellationToken)
    {
        var create = new TransferReversalCreateOptions { Amount = StripeAmounts.ToStripe(request.Amount) };
        var reversal = await CallAsync(
            "reverse the transfer",
            ct => stripe.V1.Transfers.Reversals.CreateAsync(request.TransferId, create, Idempotent(request.IdempotencyKey), ct),
            cancellationToken);
        return new TransferReversalResult(reversal.Id, IsTest: false);
    }

    public async Task<OnboardingLink> CreateOnboardingLinkAsync(OnboardingRequest request, CancellationToken cancellationToken)
    {
        var accountId = request.ExistingAccountId;
        if (accountId is null)
        {
            var create = new AccountCreateOptions
            {
                Type = "express",
                Country = request.Country ?? options.Value.ConnectCountry,
                Email = request.Email,
                DefaultCurrency = options.Value.Currency.ToLowerInvariant(),
                Capabilities = new AccountCapabilitiesOptions { Transfers = new AccountCapabilitiesTransfersOptions { Requested = true } },
                Metadata = new Dictionary<string, string> { ["seller_id"] = request.SellerId.ToString() },
            };
            var account = await CallAsync("create your payout account", ct => stripe.V1.Accounts.CreateAsync(create, Idempotent(AccountIdempotencyKey(request.SellerId)), ct), cancellationToken);
            accountId = account.Id;
        }

        // Account Links are single-use and short-lived: a new one each time, no idempotency key.
        var link = await CallAsync(
            "open payout setup",
            ct => stripe.V1.AccountLinks.CreateAsync(
                new AccountLinkCreateOptions { Account = accountId, RefreshUrl = request.RefreshUrl.ToString(), ReturnUrl = request.ReturnUrl.ToString(), Type = "account_onboarding" },
                cancellationToken: ct),
            cancellationToken);
        return new OnboardingLink(new Uri(link.Url), accountId);
    }

    public async Task<SellerAccountStatus> GetSellerAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var account = await CallAsync("read your payout account", ct => stripe.V1.Accounts.GetAsync(accountId, cancellationToken: ct), cancellationToken);
        return new SellerAccountStatus(
            account.Id,
            account.ChargesEnabled,
            account.PayoutsEnabled,
            account.DetailsSubmitted,
            account.Requirements?.CurrentlyDue?.ToList() ?? [],
            account.Requirements?.DisabledReason);
    }

    public async Task<string?> FindPaymentReferenceAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        if (!providerPaymentId.StartsWith("pi_", StringComparison.Ordinal))
        {
            return providerPaymentId;
        }

        var intent = await CallAsync(
            "look up the payment",
            ct => stripe.V1.PaymentIntents.GetAsync(providerPaymentId, new PaymentIntentGetOptions(), cancellationToken: ct),
            cancellationToken);
        return intent.LatestChargeId;
    }

    private static RequestOptions Idempotent(string key) => new() { IdempotencyKey = key };

    private static string Trim(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>Stripe down, slow or refusing: one exception type with a message a person can act on; the details go to the log.</summary>
    private async Task<T> CallAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken);
        }
        catch (StripeException ex)
        {
            logger.LogWarning(ex, "Stripe refused to {What}: {Type} {Code} {Status}", what, ex.StripeError?.Type, ex.StripeError?.Code, ex.HttpStatusCode);
            var detail = ex.StripeError?.Message is { Length: > 0 } message ? $" ({message})" : "";
            throw new PaymentProviderUnavailableException(
                string.Create(CultureInfo.InvariantCulture, $"Stripe could not {what}: {(int)ex.HttpStatusCode} {ex.StripeError?.Type ?? "error"}{detail}."), ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Stripe did not answer when asked to {What}", what);
            throw new PaymentProviderUnavailableException($"Stripe did not answer in time when asked to {what}.", ex);
        }
    }
}
