using System.Globalization;
using System.Text.RegularExpressions;
using RuralMarket.Domain.Catalog;
using RuralMarket.Infrastructure.Geo;
using RuralMarket.Web.Features.Cart;

namespace RuralMarket.Web.Features.Checkout;

/// <summary>
/// What the checkout form's address must hold for the ways the buyer chose: a US address needs a ZIP code, and
/// local delivery needs one we can place on the map inside each delivering seller's radius (the sellers' own rule,
/// <see cref="Domain.Sellers.FulfilmentOptions.DeliversLocally"/>).
/// </summary>
public static partial class DeliveryAddressCheck
{
    /// <summary>The problems with the address, each for the form field it belongs to; none when it will do.</summary>
    public static IReadOnlyList<(string Field, string Message)> Problems(CheckoutInput input, IReadOnlyList<CartSellerGroup> readyGroups, IPostalCodeDirectory postalCodes)
    {
        var problems = new List<(string, string)>();
        var isUs = string.Equals(input.CountryCode?.Trim(), "US", StringComparison.OrdinalIgnoreCase);
        var postalCode = input.PostalCode?.Trim();
        if (isUs && string.IsNullOrEmpty(postalCode))
        {
            problems.Add((nameof(CheckoutInput.PostalCode), "Enter the ZIP code."));
            return problems;
        }

        if (isUs && !UsZipCode().IsMatch(postalCode!))
        {
            problems.Add((nameof(CheckoutInput.PostalCode), "A US ZIP code has five digits, like 05826."));
            return problems;
        }

        var delivering = readyGroups.Where(g => g.ChosenMethod == FulfilmentMethod.LocalDelivery).ToList();
        if (delivering.Count == 0)
        {
            return problems;
        }

        if (!isUs || postalCodes.Find(postalCode) is not { } place)
        {
            problems.Add((nameof(CheckoutInput.PostalCode),
                $"Local delivery from {Names(delivering)} needs a US ZIP code we know, to check it is inside their delivery area. Check the ZIP code, or choose shipping or pickup in your cart."));
            return problems;
        }

        foreach (var group in delivering.Where(g => !g.Fulfilment.DeliversLocally(g.SellerLocation, place.Point)))
        {
            var km = group.SellerLocation.DistanceKmTo(place.Point).ToString("0", CultureInfo.InvariantCulture);
            problems.Add((nameof(CheckoutInput.PostalCode),
                $"{group.SellerName} delivers within {group.Fulfilment.DeliveryRadiusKm} km of {group.SellerTown}, and {place.Label} is about {km} km away. Choose shipping or pickup for their items in your cart."));
        }

        return problems;
    }

    private static string Names(IReadOnlyList<CartSellerGroup> groups) => string.Join(" and ", groups.Select(g => g.SellerName));

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex UsZipCode();
}
