using RuralMarket.Domain.Catalog;

namespace RuralMarket.Web.Features.Cart;

public static class FulfilmentNames
{
    /// <summary>For the middle of a sentence: "shipping", "local delivery", "pickup at the farm".</summary>
    public static string Describe(FulfilmentMethod method) => method switch
    {
        FulfilmentMethod.Shipping => "shipping",
        FulfilmentMethod.LocalDelivery => "local delivery",
        FulfilmentMethod.Pickup => "pickup",
        _ => "that way of getting your order",
    };

    /// <summary>For a label: "Shipping", "Local delivery", "Pickup at the farm".</summary>
    public static string Label(FulfilmentMethod method) => method switch
    {
        FulfilmentMethod.Shipping => "Shipping",
        FulfilmentMethod.LocalDelivery => "Local delivery",
        FulfilmentMethod.Pickup => "Pickup at the farm",
        _ => method.ToString(),
    };
}
