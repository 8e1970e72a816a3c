using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Sellers;

/// <summary>How a seller gets goods to buyers: a pickup point, local delivery within a radius, and/or shipping.</summary>
public sealed record FulfilmentOptions
{
    public const int MaxDeliveryRadiusKm = 500;

    public FulfilmentOptions(
        bool offersPickup,
        string? pickupAddress,
        string? pickupHours,
        string? pickupInstructions,
        bool offersLocalDelivery,
        int deliveryRadiusKm,
        Money localDeliveryFee,
        bool offersShipping,
        Money shippingFee,
        Money freeShippingOver)
    {
        Guard.That(offersPickup || offersLocalDelivery || offersShipping, "Offer at least one way for buyers to get your goods.");
        Guard.That(
            localDeliveryFee.Currency == shippingFee.Currency && shippingFee.Currency == freeShippingOver.Currency,
            "Delivery and shipping fees must be in the same currency.");
        Guard.That(
            !localDeliveryFee.IsNegative && !shippingFee.IsNegative && !freeShippingOver.IsNegative,
            "Fees cannot be negative.");

        OffersPickup = offersPickup;
        PickupAddress = Guard.OptionalText(pickupAddress, "A pickup address", 300);
        PickupHours = Guard.OptionalText(pickupHours, "Pickup hours", 200);
        PickupInstructions = Guard.OptionalText(pickupInstructions, "Pickup instructions", 1000);
        Guard.That(!offersPickup || PickupAddress is not null, "Say where buyers pick up their orders.");

        OffersLocalDelivery = offersLocalDelivery;
        Guard.That(
            !offersLocalDelivery || deliveryRadiusKm is > 0 and <= MaxDeliveryRadiusKm,
            $"A delivery radius must be between 1 and {MaxDeliveryRadiusKm} km.");
        DeliveryRadiusKm = offersLocalDelivery ? deliveryRadiusKm : 0;
        LocalDeliveryFee = localDeliveryFee;

        OffersShipping = offersShipping;
        ShippingFee = shippingFee;
        FreeShippingOver = freeShippingOver;
    }

    private FulfilmentOptions()
    {
        LocalDeliveryFee = null!;
        ShippingFee = null!;
        FreeShippingOver = null!;
    }

    public bool OffersPickup { get; private init; }

    public string? PickupAddress { get; private init; }

    public string? PickupHours { get; private init; }

    public string? PickupInstructions { get; private init; }

    public bool OffersLocalDelivery { get; private init; }

    public int DeliveryRadiusKm { get; private init; }

    public Money LocalDeliveryFee { get; private init; }

    public bool OffersShipping { get; private init; }

    public Money ShippingFee { get; private init; }

    /// <summary>Zero means shipping is never free.</summary>
    public Money FreeShippingOver { get; private init; }

    public string Currency => ShippingFee.Currency;

    public FulfilmentMethod OfferedMethods =>
        (OffersShipping ? FulfilmentMethod.Shipping : FulfilmentMethod.None)
        | (OffersPickup ? FulfilmentMethod.Pickup : FulfilmentMethod.None)
        | (OffersLocalDelivery ? FulfilmentMethod.LocalDelivery : FulfilmentMethod.None);

    /// <summary>Local delivery from <paramref name="seller"/> reaches <paramref name="buyer"/>: within the radius, as the crow flies.</summary>
    public bool DeliversLocally(GeoPoint seller, GeoPoint buyer) => OffersLocalDelivery && seller.DistanceKmTo(buyer) <= DeliveryRadiusKm;

    /// <summary>True when every method asked for is offered.</summary>
    public bool Offers(FulfilmentMethod method) => method != FulfilmentMethod.None && (OfferedMethods & method) == method;

    /// <summary>Free once the subtotal reaches the threshold ("free shipping over $50" includes $50.00).</summary>
    public Money ShippingFeeFor(Money subtotal)
    {
        Guard.That(OffersShipping, "This seller does not ship.");
        RequireCurrency(subtotal);
        return !FreeShippingOver.IsZero && subtotal >= FreeShippingOver ? Money.Zero(subtotal.Currency) : ShippingFee;
    }

    public Money DeliveryFeeFor(FulfilmentMethod method, Money subtotal)
    {
        Guard.That(method.IsSingle(), "Choose one way to get this order.");
        Guard.That(Offers(method), "This seller does not offer that way of getting your order.");
        RequireCurrency(subtotal);
        return method switch
        {
            FulfilmentMethod.Shipping => ShippingFeeFor(subtotal),
            FulfilmentMethod.LocalDelivery => LocalDeliveryFee,
            _ => Money.Zero(Currency),
        };
    }

    private void RequireCurrency(Money subtotal) =>
        Guard.That(subtotal.Currency == Currency, $"This seller charges in {Currency}, not {subtotal.Currency}.");
}
