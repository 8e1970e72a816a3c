using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RuralMarket.Domain.Common;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Web.Features.Selling;

/// <summary>What a seller tells buyers about their shop: the application form and the profile editor bind this.</summary>
public sealed class ShopInput
{
    public const decimal MaxFee = 10_000m;

    [Required(ErrorMessage = "Give your shop a name.")]
    [StringLength(120, ErrorMessage = "Keep the shop name under 120 characters.")]
    [Display(Name = "Shop name")]
    public string Name { get; set; } = "";

    [StringLength(20_000, ErrorMessage = "Keep your story under 20,000 characters.")]
    [Display(Name = "Your story")]
    public string? Story { get; set; }

    [Required(ErrorMessage = "Enter your town or village.")]
    [StringLength(100, ErrorMessage = "Keep the town under 100 characters.")]
    [Display(Name = "Town")]
    public string Town { get; set; } = "";

    [StringLength(100, ErrorMessage = "Keep the region under 100 characters.")]
    [Display(Name = "State or region")]
    public string? Region { get; set; }

    [Required(ErrorMessage = "Enter your postal code: it puts your shop on the map for buyers near you.")]
    [StringLength(20, ErrorMessage = "A postal code is at most 20 characters.")]
    [Display(Name = "Postal code")]
    public string PostalCode { get; set; } = "";

    [Required(ErrorMessage = "Enter your country's two-letter code, like US.")]
    [StringLength(2, MinimumLength = 2, ErrorMessage = "Use the two-letter country code, like US.")]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = "US";

    [Display(Name = "Buyers can pick up orders")]
    public bool OffersPickup { get; set; }

    [StringLength(300, ErrorMessage = "Keep the pickup address under 300 characters.")]
    [Display(Name = "Pickup address")]
    public string? PickupAddress { get; set; }

    [StringLength(200, ErrorMessage = "Keep the pickup hours under 200 characters.")]
    [Display(Name = "Pickup hours")]
    public string? PickupHours { get; set; }

    [StringLength(1000, ErrorMessage = "Keep the pickup instructions under 1,000 characters.")]
    [Display(Name = "Pickup instructions")]
    public string? PickupInstructions { get; set; }

    [Display(Name = "I deliver locally")]
    public bool OffersLocalDelivery { get; set; }

    [Range(0, FulfilmentOptions.MaxDeliveryRadiusKm, ErrorMessage = "Enter a radius from 1 to 500 km.")]
    [Display(Name = "Delivery radius (km)")]
    public int? DeliveryRadiusKm { get; set; }

    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Enter a fee from 0 to 10,000 (0 means free).")]
    [Display(Name = "Delivery fee")]
    public decimal? LocalDeliveryFee { get; set; }

    [Display(Name = "I ship orders")]
    public bool OffersShipping { get; set; }

    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Enter a fee from 0 to 10,000 (0 means free).")]
    [Display(Name = "Shipping fee per order")]
    public decimal? ShippingFee { get; set; }

    [Range(typeof(decimal), "0", "10000", ErrorMessage = "Enter an amount from 0 to 10,000 (0 means shipping is never free).")]
    [Display(Name = "Free shipping on orders over")]
    public decimal? FreeShippingOver { get; set; }

    /// <summary>The form filled in with what the shop says today.</summary>
    public static ShopInput From(string name, string story, SellerLocation location, FulfilmentOptions fulfilment) => new()
    {
        Name = name,
        Story = story,
        Town = location.Town,
        Region = location.Region,
        PostalCode = location.PostalCode ?? "",
        CountryCode = location.CountryCode,
        OffersPickup = fulfilment.OffersPickup,
        PickupAddress = fulfilment.PickupAddress,
        PickupHours = fulfilment.PickupHours,
        PickupInstructions = fulfilment.PickupInstructions,
        OffersLocalDelivery = fulfilment.OffersLocalDelivery,
        DeliveryRadiusKm = fulfilment.OffersLocalDelivery ? fulfilment.DeliveryRadiusKm : null,
        LocalDeliveryFee = Major(fulfilment.LocalDeliveryFee),
        OffersShipping = fulfilment.OffersShipping,
        ShippingFee = Major(fulfilment.ShippingFee),
        FreeShippingOver = Major(fulfilment.FreeShippingOver),
    };

    /// <summary>6.50, not 6.5: the amount with all of its currency's decimal places, as people write prices.</summary>
    private static decimal Major(Money amount) =>
        decimal.Parse(amount.ToMajor().ToString("F" + amount.DecimalPlaces.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
