using Microsoft.AspNetCore.Mvc.ModelBinding;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Geo;

namespace RuralMarket.Web.Features.Selling;

/// <summary>The shop as the domain sees it, read from a valid form.</summary>
public sealed record ShopParts(string Name, string? Story, SellerLocation Location, FulfilmentOptions Fulfilment);

/// <summary>
/// Turns the shop form into the domain's location and fulfilment values. The domain's constructors decide;
/// what they refuse becomes a message beside the field or section it is about, and nothing is returned.
/// </summary>
public sealed class ShopForm(IPostalCodeDirectory postalCodes)
{
    /// <summary>ModelState key (after the prefix) for messages about the location as a whole.</summary>
    public const string LocationKey = "Location";

    /// <summary>ModelState key (after the prefix) for messages about the ways to get goods as a whole.</summary>
    public const string FulfilmentKey = "Fulfilment";

    /// <summary>
    /// Judges every part even when some fields already have errors, so the seller sees all that needs fixing at
    /// once; a part whose own fields are invalid is not built (which would only repeat their messages).
    /// </summary>
    public ShopParts? Read(ShopInput input, ModelStateDictionary modelState, string prefix, string currency)
    {
        string Key(string name) => $"{prefix}.{name}";
        bool Valid(params string[] names) => names.All(n => modelState.GetFieldValidationState(Key(n)) != ModelValidationState.Invalid);

        var location = ReadLocation(input, modelState, Key, Valid);
        var fulfilment = Valid(
                nameof(ShopInput.PickupAddress), nameof(ShopInput.PickupHours), nameof(ShopInput.PickupInstructions),
                nameof(ShopInput.DeliveryRadiusKm), nameof(ShopInput.LocalDeliveryFee), nameof(ShopInput.ShippingFee), nameof(ShopInput.FreeShippingOver))
            ? ReadFulfilment(input, modelState, Key, currency)
            : null;
        if (Valid(nameof(ShopInput.Name)))
        {
            try
            {
                // Checked here so a bad name is a field message now, not an exception when the seller is changed.
                _ = Slug.From(input.Name);
            }
            catch (DomainException e)
            {
                modelState.AddModelError(Key(nameof(ShopInput.Name)), e.Message);
            }
        }

        return location is null || fulfilment is null || !modelState.IsValid
            ? null
            : new ShopParts(input.Name.Trim(), input.Story, location, fulfilment);
    }

    private SellerLocation? ReadLocation(ShopInput input, ModelStateDictionary modelState, Func<string, string> key, Func<string[], bool> valid)
    {
        if (!valid([nameof(ShopInput.CountryCode)]))
        {
            return null;
        }

        if (!string.Equals(input.CountryCode.Trim(), "US", StringComparison.OrdinalIgnoreCase))
        {
            modelState.AddModelError(key(nameof(ShopInput.CountryCode)), "For now shops can only be in the United States: enter US.");
            return null;
        }

        if (!valid([nameof(ShopInput.PostalCode)]))
        {
            return null;
        }

        if (postalCodes.Find(input.PostalCode) is not { } place)
        {
            modelState.AddModelError(
                key(nameof(ShopInput.PostalCode)),
                $"We don't know the postal code “{input.PostalCode.Trim()}”. Enter your 5-digit ZIP code, like 05661.");
            return null;
        }

        if (!valid([nameof(ShopInput.Town), nameof(ShopInput.Region)]))
        {
            return null;
        }

        try
        {
            return new SellerLocation(
                input.Town,
                string.IsNullOrWhiteSpace(input.Region) ? place.Region : input.Region,
                place.PostalCode,
                "US",
                place.Point.Latitude,
                place.Point.Longitude);
        }
        catch (DomainException e)
        {
            modelState.AddModelError(key(LocationKey), e.Message);
            return null;
        }
    }

    private static FulfilmentOptions? ReadFulfilment(ShopInput input, ModelStateDictionary modelState, Func<string, string> key, string currency)
    {
        Money? Fee(decimal? amount, string field)
        {
            try
            {
                return Money.FromMajor(amount ?? 0m, currency);
            }
            catch (DomainException e)
            {
                modelState.AddModelError(key(field), e.Message);
                return null;
            }
        }

        var deliveryFee = Fee(input.LocalDeliveryFee, nameof(ShopInput.LocalDeliveryFee));
        var shippingFee = Fee(input.ShippingFee, nameof(ShopInput.ShippingFee));
        var freeOver = Fee(input.FreeShippingOver, nameof(ShopInput.FreeShippingOver));
        if (deliveryFee is null || shippingFee is null || freeOver is null)
        {
            return null;
        }

        try
        {
            return new FulfilmentOptions(
                input.OffersPickup, input.PickupAddress, input.PickupHours, input.PickupInstructions,
                input.OffersLocalDelivery, input.DeliveryRadiusKm ?? 0, deliveryFee,
                input.OffersShipping, shippingFee, freeOver);
        }
        catch (DomainException e)
        {
            modelState.AddModelError(key(FulfilmentKey), e.Message);
            return null;
        }
    }
}
