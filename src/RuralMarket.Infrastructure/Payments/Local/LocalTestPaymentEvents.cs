namespace RuralMarket.Infrastructure.Payments.Local;

/// <summary>What the buyer did on the test payment page.</summary>
public enum TestPaymentAction
{
    Pay,
    Decline,
    Expire,
}

public static class LocalTestPaymentEvents
{
    /// <summary>
    /// The event the test page emits for an action. Its id is derived from the checkout and the action,
    /// so a double-clicked button lands once in the inbox.
    /// </summary>
    public static (string EventId, NormalizedPaymentEvent Event) For(Guid checkoutId, TestPaymentAction action) => action switch
    {
        TestPaymentAction.Pay => ($"{checkoutId:N}:paid", new CheckoutPaid(checkoutId, LocalTestPaymentProvider.ReferenceFor(checkoutId))),
        TestPaymentAction.Decline => ($"{checkoutId:N}:declined", new CheckoutFailed(checkoutId, "The test card was declined.")),
        TestPaymentAction.Expire => ($"{checkoutId:N}:expired", new CheckoutExpired(checkoutId)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown test payment action."),
    };
}
