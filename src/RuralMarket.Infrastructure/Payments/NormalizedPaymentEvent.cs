using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuralMarket.Infrastructure.Payments;

/// <summary>
/// What a provider told us, in our own words. Each provider turns its events into one of these; the inbox
/// stores it as JSON (PaymentEvent.Payload) and the apply job acts on it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CheckoutPaid), CheckoutPaid.TypeName)]
[JsonDerivedType(typeof(CheckoutPaymentPending), CheckoutPaymentPending.TypeName)]
[JsonDerivedType(typeof(CheckoutFailed), CheckoutFailed.TypeName)]
[JsonDerivedType(typeof(CheckoutExpired), CheckoutExpired.TypeName)]
[JsonDerivedType(typeof(Refunded), Refunded.TypeName)]
[JsonDerivedType(typeof(DisputeOpened), DisputeOpened.TypeName)]
[JsonDerivedType(typeof(DisputeClosed), DisputeClosed.TypeName)]
[JsonDerivedType(typeof(SellerAccountUpdated), SellerAccountUpdated.TypeName)]
public abstract record NormalizedPaymentEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [JsonIgnore]
    public abstract string Type { get; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static NormalizedPaymentEvent FromJson(string json) =>
        JsonSerializer.Deserialize<NormalizedPaymentEvent>(json, Json)
        ?? throw new InvalidOperationException("A payment event payload is empty.");
}

/// <param name="ProviderPaymentId">The provider's id for the payment (a Stripe payment intent), from which the captured payment is looked up.</param>
public sealed record CheckoutPaid(Guid CheckoutId, string ProviderReference, string? ProviderPaymentId = null) : NormalizedPaymentEvent
{
    public const string TypeName = "checkout.paid";

    [JsonIgnore]
    public override string Type => TypeName;
}

/// <summary>The buyer finished the hosted page with a payment that clears later (a bank debit): wait for paid or failed.</summary>
public sealed record CheckoutPaymentPending(Guid CheckoutId) : NormalizedPaymentEvent
{
    public const string TypeName = "checkout.pending";

    [JsonIgnore]
    public override string Type => TypeName;
}

public sealed record CheckoutFailed(Guid CheckoutId, string Reason) : NormalizedPaymentEvent
{
    public const string TypeName = "checkout.failed";

    [JsonIgnore]
    public override string Type => TypeName;
}

public sealed record CheckoutExpired(Guid CheckoutId) : NormalizedPaymentEvent
{
    public const string TypeName = "checkout.expired";

    [JsonIgnore]
    public override string Type => TypeName;
}

/// <param name="TotalRefundedMinor">The absolute amount refunded so far on the payment, in minor units.</param>
public sealed record Refunded(Guid CheckoutId, long TotalRefundedMinor, string Currency) : NormalizedPaymentEvent
{
    public const string TypeName = "refunded";

    [JsonIgnore]
    public override string Type => TypeName;
}

/// <param name="PaymentReference">The disputed captured payment (Checkout.PaymentReference).</param>
public sealed record DisputeOpened(string PaymentReference, string DisputeId, string Reason) : NormalizedPaymentEvent
{
    public const string TypeName = "dispute.opened";

    [JsonIgnore]
    public override string Type => TypeName;
}

/// <param name="Outcome">The provider's word for how it ended (Stripe: won, lost, warning_closed).</param>
public sealed record DisputeClosed(string PaymentReference, string DisputeId, string Outcome) : NormalizedPaymentEvent
{
    public const string TypeName = "dispute.closed";

    [JsonIgnore]
    public override string Type => TypeName;

    [JsonIgnore]
    public bool SellerKeepsTheMoney => Outcome is "won" or "warning_closed";
}

public sealed record SellerAccountUpdated(string AccountId, bool ChargesEnabled, bool PayoutsEnabled) : NormalizedPaymentEvent
{
    public const string TypeName = "seller.account.updated";

    [JsonIgnore]
    public override string Type => TypeName;
}
