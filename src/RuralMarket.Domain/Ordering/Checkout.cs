using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Ordering;

/// <summary>
/// One payment for a cart that spans sellers. Each seller's order points back here by CheckoutId.
/// Stock is reserved while it awaits payment and released if it fails or expires.
/// </summary>
public sealed class Checkout
{
    private Checkout()
    {
        BuyerUserId = null!;
        BuyerEmail = null!;
        Total = null!;
        PaymentProvider = null!;
    }

    public Guid Id { get; private set; }

    public string BuyerUserId { get; private set; }

    public string BuyerEmail { get; private set; }

    public Money Total { get; private set; }

    public string PaymentProvider { get; private set; }

    public string? ProviderReference { get; private set; }

    /// <summary>The provider's id for the captured payment (e.g. a Stripe charge), once paid; refunds and transfers point at it.</summary>
    public string? PaymentReference { get; private set; }

    public CheckoutStatus Status { get; private set; }

    public string? FailureReason { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PaidAt { get; private set; }

    public int Version { get; private set; }

    public bool IsSettled => Status != CheckoutStatus.AwaitingPayment;

    public static Checkout Start(
        string buyerUserId,
        string buyerEmail,
        Money total,
        string paymentProvider,
        TimeSpan timeToPay,
        TimeProvider clock)
    {
        Guard.That(total.IsPositive, "There is nothing to pay for.");
        Guard.That(timeToPay > TimeSpan.Zero, "A checkout needs time to be paid.");
        var email = Guard.Text(buyerEmail, "An email address", 256);
        Guard.That(email.IndexOf('@', StringComparison.Ordinal) > 0, "Enter a valid email address.");
        var now = clock.GetUtcNow().UtcDateTime;
        return new Checkout
        {
            Id = Guid.CreateVersion7(),
            BuyerUserId = Guard.Text(buyerUserId, "A buyer id", 450),
            BuyerEmail = email,
            Total = total,
            PaymentProvider = Guard.Text(paymentProvider, "A payment provider", 40),
            Status = CheckoutStatus.AwaitingPayment,
            CreatedAt = now,
            ExpiresAt = now + timeToPay,
            Version = 1,
        };
    }

    /// <summary>True once the time to pay has run out and nobody has settled the checkout.</summary>
    public bool HasLapsed(TimeProvider clock) =>
        Status == CheckoutStatus.AwaitingPayment && clock.GetUtcNow().UtcDateTime >= ExpiresAt;

    /// <summary>The provider's id for its hosted payment page; attaching the same one twice is harmless.</summary>
    public void AttachProviderReference(string providerReference)
    {
        var reference = Guard.Text(providerReference, "A provider reference", 255);
        if (ProviderReference == reference)
        {
            return;
        }

        Guard.That(ProviderReference is null, "This checkout is already linked to another payment.");
        Guard.That(Status == CheckoutStatus.AwaitingPayment, "This checkout is no longer waiting for payment.");
        ProviderReference = reference;
        Version++;
    }

    public void MarkPaid(TimeProvider clock, string? paymentReference = null)
    {
        RequireAwaitingPayment("paid");
        PaymentReference = Guard.OptionalText(paymentReference, "A payment reference", 255);
        Status = CheckoutStatus.Paid;
        PaidAt = clock.GetUtcNow().UtcDateTime;
        Version++;
    }

    public void MarkFailed(string reason)
    {
        RequireAwaitingPayment("failed");
        Status = CheckoutStatus.Failed;
        FailureReason = Guard.Text(reason, "A failure reason", 500);
        Version++;
    }

    public void MarkExpired()
    {
        RequireAwaitingPayment("expired");
        Status = CheckoutStatus.Expired;
        Version++;
    }

    private void RequireAwaitingPayment(string outcome) =>
        Guard.That(
            Status == CheckoutStatus.AwaitingPayment,
            $"This checkout cannot be marked {outcome}: it is already {Status.ToString().ToLowerInvariant()}.");
}
