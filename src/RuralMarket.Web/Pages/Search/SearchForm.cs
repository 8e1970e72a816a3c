using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;
using RuralMarket.Infrastructure.Search;

namespace RuralMarket.Web.Pages.Search;

/// <summary>
/// The search page's GET form, with short query-string names. Every field is text so that nothing a buyer or a
/// hand-edited URL sends can fail binding; <see cref="ToQuery"/> reads it and says what it could not use.
/// </summary>
public sealed class SearchForm
{
    /// <summary>The storefront's prices are in this currency (the demo market is US dollars).</summary>
    public const string Currency = "USD";

    public const int MaxDistanceKm = 5000;

    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
    [
        ("relevance", "Best match"),
        ("newest", "Newest"),
        ("price", "Price: low to high"),
        ("price-desc", "Price: high to low"),
        ("distance", "Nearest first"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label, FulfilmentMethod Method)> Methods =
    [
        ("shipping", "Ships to me", FulfilmentMethod.Shipping),
        ("pickup", "Pickup at the farm", FulfilmentMethod.Pickup),
        ("delivery", "Local delivery to me", FulfilmentMethod.LocalDelivery),
    ];

    public static readonly IReadOnlyList<int> Distances = [25, 50, 100, 250, 500];

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "category")]
    public string? Category { get; set; }

    [FromQuery(Name = "min")]
    public string? MinPrice { get; set; }

    [FromQuery(Name = "max")]
    public string? MaxPrice { get; set; }

    [FromQuery(Name = "get")]
    public string? Fulfilment { get; set; }

    [FromQuery(Name = "within")]
    public string? WithinKm { get; set; }

    [FromQuery(Name = "zip")]
    public string? PostalCode { get; set; }

    [FromQuery(Name = "video")]
    public string? HasVideo { get; set; }

    [FromQuery(Name = "season")]
    public string? InSeason { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public string? Page { get; set; }

    public bool HasVideoChecked => IsOn(HasVideo);

    public bool InSeasonChecked => IsOn(InSeason);

    /// <summary>True when any filter (not the words or the sort) narrows the results.</summary>
    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Category) || !string.IsNullOrWhiteSpace(MinPrice) || !string.IsNullOrWhiteSpace(MaxPrice)
        || !string.IsNullOrWhiteSpace(Fulfilment) || !string.IsNullOrWhiteSpace(WithinKm) || HasVideoChecked || InSeasonChecked;

    /// <summary>The catalog query, and a message for each thing that could not be used as given.</summary>
    public (CatalogSearchQuery Query, IReadOnlyList<string> Problems) ToQuery(GeoPoint? origin)
    {
        var problems = new List<string>();

        int? categoryId = null;
        if (!string.IsNullOrWhiteSpace(Category))
        {
            var category = Domain.Catalog.Category.FindBySlug(Category.Trim());
            if (category is null)
            {
                problems.Add($"There is no category “{Shorten(Category)}”, so all categories are shown.");
            }
            else
            {
                categoryId = category.Id;
            }
        }

        var min = ParsePrice(MinPrice, "lowest", problems);
        var max = ParsePrice(MaxPrice, "highest", problems);
        if (min is { } low && max is { } high && low > high)
        {
            problems.Add("The lowest price was above the highest, so we swapped them.");
            (min, max) = (high, low);
        }

        var methods = FulfilmentMethod.None;
        if (!string.IsNullOrWhiteSpace(Fulfilment))
        {
            var method = Methods.FirstOrDefault(m => m.Value == Fulfilment.Trim());
            if (method.Value is null)
            {
                problems.Add("We did not recognise that delivery choice, so all are shown.");
            }
            else
            {
                methods = method.Method;
            }
        }

        double? within = null;
        if (!string.IsNullOrWhiteSpace(WithinKm))
        {
            if (!int.TryParse(WithinKm, NumberStyles.Integer, CultureInfo.InvariantCulture, out var km) || km is <= 0 or > MaxDistanceKm)
            {
                problems.Add($"A distance must be a whole number of km between 1 and {MaxDistanceKm}.");
            }
            else if (origin is null)
            {
                problems.Add("Enter your ZIP code to filter by distance.");
            }
            else
            {
                within = km;
            }
        }

        CatalogSort? sort = Sort?.Trim() switch
        {
            null or "" => null,
            "relevance" => CatalogSort.Relevance,
            "newest" => CatalogSort.Newest,
            "price" => CatalogSort.PriceLowToHigh,
            "price-desc" => CatalogSort.PriceHighToLow,
            "distance" => CatalogSort.Distance,
            _ => null,
        };
        if (sort == CatalogSort.Distance && origin is null)
        {
            problems.Add("Enter your ZIP code to sort by distance.");
            sort = null;
        }

        // Page 0, negative or nonsense → the first page; past the end → the last (clamped by the search).
        var page = long.TryParse(Page, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? (int)Math.Clamp(p, 1, int.MaxValue) : 1;

        return (new CatalogSearchQuery
        {
            Text = Text,
            CategoryId = categoryId,
            MinPrice = min,
            MaxPrice = max,
            Fulfilment = methods,
            Origin = origin,
            WithinKm = within,
            HasVideo = HasVideoChecked,
            InSeason = InSeasonChecked,
            Sort = sort,
            Page = page,
        }, problems);
    }

    private static long? ParsePrice(string? text, string which, List<string> problems)
    {
        var trimmed = text?.Trim().TrimStart('$').Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (!decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount > 1_000_000)
        {
            problems.Add($"“{Shorten(text!)}” is not a {which} price we can use. Enter dollars, like 12 or 12.50.");
            return null;
        }

        if (amount < 0)
        {
            problems.Add($"The {which} price cannot be negative, so it was left out.");
            return null;
        }

        try
        {
            return Money.FromMajor(amount, Currency).Amount;
        }
        catch (DomainException e)
        {
            problems.Add($"The {which} price: {e.Message}");
            return null;
        }
    }

    private static bool IsOn(string? value) => value is "1" or "true" or "on";

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
