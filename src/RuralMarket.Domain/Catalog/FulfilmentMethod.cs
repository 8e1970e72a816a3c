namespace RuralMarket.Domain.Catalog;

/// <summary>How goods reach the buyer. A product allows a combination; an order uses exactly one.</summary>
[Flags]
public enum FulfilmentMethod
{
    None = 0,
    Shipping = 1,
    Pickup = 2,
    LocalDelivery = 4,
}

public static class FulfilmentMethodExtensions
{
    private const FulfilmentMethod All = FulfilmentMethod.Shipping | FulfilmentMethod.Pickup | FulfilmentMethod.LocalDelivery;

    public static bool IsSingle(this FulfilmentMethod method) =>
        method is FulfilmentMethod.Shipping or FulfilmentMethod.Pickup or FulfilmentMethod.LocalDelivery;

    /// <summary>At least one known method and nothing else.</summary>
    public static bool IsValidCombination(this FulfilmentMethod methods) =>
        methods != FulfilmentMethod.None && (methods & ~All) == FulfilmentMethod.None;
}
