using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Web.Pages.Sellers;

/// <summary>
/// What a buyer is told about getting a seller's goods: the seller's fulfilment columns, read as scalars (a
/// projection of the owned <c>FulfilmentOptions</c> would make EF read the whole seller row). Fees share the
/// seller's one currency (the domain enforces it).
/// </summary>
public sealed record SellerTerms(
    bool OffersShipping,
    long ShippingFeeAmount,
    long FreeShippingOverAmount,
    bool OffersLocalDelivery,
    int DeliveryRadiusKm,
    long LocalDeliveryFeeAmount,
    bool OffersPickup,
    string? PickupAddress,
    string? PickupHours,
    string? PickupInstructions,
    string Currency)
{
    public Money ShippingFee => new(ShippingFeeAmount, Currency);

    public Money FreeShippingOver => new(FreeShippingOverAmount, Currency);

    public Money LocalDeliveryFee => new(LocalDeliveryFeeAmount, Currency);

    /// <summary>The same terms from a loaded seller's options (pages that already hold the entity).</summary>
    public static SellerTerms From(FulfilmentOptions options) => new(
        options.OffersShipping,
        options.ShippingFee.Amount,
        options.FreeShippingOver.Amount,
        options.OffersLocalDelivery,
        options.DeliveryRadiusKm,
        options.LocalDeliveryFee.Amount,
        options.OffersPickup,
        options.PickupAddress,
        options.PickupHours,
        options.PickupInstructions,
        options.ShippingFee.Currency);
}

/// <summary>The ways a buyer can get goods from a seller, limited to the methods a product allows.</summary>
public sealed record FulfilmentTerms(SellerTerms Options, string Town, FulfilmentMethod Allowed)
{
    public bool Shipping => Options.OffersShipping && Allowed.HasFlag(FulfilmentMethod.Shipping);

    public bool LocalDelivery => Options.OffersLocalDelivery && Allowed.HasFlag(FulfilmentMethod.LocalDelivery);

    public bool Pickup => Options.OffersPickup && Allowed.HasFlag(FulfilmentMethod.Pickup);

    public bool Any => Shipping || LocalDelivery || Pickup;

    public static FulfilmentTerms ForSeller(SellerTerms options, string town) =>
        new(options, town, FulfilmentMethod.Shipping | FulfilmentMethod.Pickup | FulfilmentMethod.LocalDelivery);

    public static FulfilmentTerms ForSeller(FulfilmentOptions options, string town) => ForSeller(SellerTerms.From(options), town);
}
