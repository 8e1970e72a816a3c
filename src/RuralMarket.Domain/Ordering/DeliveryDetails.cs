using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Domain.Ordering;

/// <summary>
/// Who receives the order and where. Address fields are needed for shipping and local delivery;
/// a pickup order needs only a name. Unused fields stay null.
/// </summary>
public sealed record DeliveryDetails(
    string RecipientName,
    string? Line1 = null,
    string? Line2 = null,
    string? Town = null,
    string? Region = null,
    string? PostalCode = null,
    string? CountryCode = null,
    string? Phone = null,
    string? PickupNote = null)
{
    internal DeliveryDetails ValidatedFor(FulfilmentMethod method)
    {
        var needsAddress = method is FulfilmentMethod.Shipping or FulfilmentMethod.LocalDelivery;
        return new DeliveryDetails(
            Guard.Text(RecipientName, "The recipient's name", 200),
            needsAddress ? Guard.Text(Line1, "The first address line", 200) : Guard.OptionalText(Line1, "The first address line", 200),
            Guard.OptionalText(Line2, "The second address line", 200),
            needsAddress ? Guard.Text(Town, "The town", 100) : Guard.OptionalText(Town, "The town", 100),
            Guard.OptionalText(Region, "The region", 100),
            Guard.OptionalText(PostalCode, "The postal code", 20),
            method == FulfilmentMethod.Shipping || !string.IsNullOrWhiteSpace(CountryCode) ? Guard.CountryCode(CountryCode) : null,
            Guard.OptionalText(Phone, "A phone number", 40),
            Guard.OptionalText(PickupNote, "A pickup note", 500));
    }
}
