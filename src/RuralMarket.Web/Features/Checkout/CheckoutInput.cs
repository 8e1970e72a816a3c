using System.ComponentModel.DataAnnotations;

namespace RuralMarket.Web.Features.Checkout;

/// <summary>What the checkout form posts: who receives the goods and where. Never a price: prices come from the catalog.</summary>
public sealed class CheckoutInput
{
    /// <summary>The cart this page showed, and its version: the idempotency key for the checkout it places.</summary>
    public Guid CartId { get; set; }

    public int CartVersion { get; set; }

    /// <summary>
    /// The total the page showed, in minor units. Never used as a price: when the catalog's total differs
    /// now (a price changed, stock ran low), the buyer is asked to look again instead of paying a surprise.
    /// </summary>
    public long? ShownTotal { get; set; }

    [Display(Name = "Full name")]
    [StringLength(200)]
    public string? Name { get; set; }

    [Display(Name = "Address line 1")]
    [StringLength(200)]
    public string? Line1 { get; set; }

    [Display(Name = "Address line 2 (optional)")]
    [StringLength(200)]
    public string? Line2 { get; set; }

    [Display(Name = "Town")]
    [StringLength(100)]
    public string? Town { get; set; }

    [Display(Name = "Region or state (optional)")]
    [StringLength(100)]
    public string? Region { get; set; }

    [Display(Name = "ZIP or postal code")]
    [StringLength(20)]
    public string? PostalCode { get; set; }

    [Display(Name = "Country code")]
    [StringLength(2, MinimumLength = 2, ErrorMessage = "Use the two-letter country code, like US or GB.")]
    public string? CountryCode { get; set; } = "US";

    [Display(Name = "Phone (optional)")]
    [Phone]
    [StringLength(40)]
    public string? Phone { get; set; }

    [Display(Name = "Name of the person collecting")]
    [StringLength(200)]
    public string? PickupName { get; set; }

    [Display(Name = "Note for the seller (optional)")]
    [StringLength(500)]
    public string? PickupNote { get; set; }
}
