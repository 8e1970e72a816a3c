using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Web.Pages.Sellers;

/// <summary>The ways a buyer can get goods from a seller, limited to the methods a product allows.</summary>
public sealed record FulfilmentTerms(FulfilmentOptions Options, string Town, FulfilmentMethod Allowed)
{
    public bool Shipping => Options.OffersShipping && Allowed.HasFlag(FulfilmentMethod.Shipping);

    public bool LocalDelivery => Options.OffersLocalDelivery && Allowed.HasFlag(FulfilmentMethod.LocalDelivery);

    public bool Pickup => Options.OffersPickup && Allowed.HasFlag(FulfilmentMethod.Pickup);

    public bool Any => Shipping || LocalDelivery || Pickup;

    public static FulfilmentTerms ForSeller(FulfilmentOptions options, string town) =>
        new(options, town, FulfilmentMethod.Shipping | FulfilmentMethod.Pickup | FulfilmentMethod.LocalDelivery);
}
