using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Search;

public enum CatalogSort
{
    /// <summary>Best text match first; only meaningful with search words (otherwise newest).</summary>
    Relevance,
    Newest,
    PriceLowToHigh,
    PriceHighToLow,

    /// <summary>Nearest seller first; needs an origin (otherwise the default sort).</summary>
    Distance,
}

/// <summary>
/// What a buyer asks the catalog. Everything is optional: no text means "browse with these filters".
/// Values out of range are ignored or clamped here; pages tell the buyer about them before asking.
/// </summary>
public sealed record CatalogSearchQuery
{
    public string? Text { get; init; }

    public int? CategoryId { get; init; }

    /// <summary>Inclusive, in minor units (cents) of the market currency.</summary>
    public long? MinPrice { get; init; }

    /// <summary>Inclusive, in minor units (cents) of the market currency.</summary>
    public long? MaxPrice { get; init; }

    /// <summary>Every method listed must be allowed by the product and offered by its seller.</summary>
    public FulfilmentMethod Fulfilment { get; init; }

    /// <summary>The buyer's location: distances are measured from here.</summary>
    public GeoPoint? Origin { get; init; }

    /// <summary>Only sellers within this many km of <see cref="Origin"/>.</summary>
    public double? WithinKm { get; init; }

    /// <summary>Only products shown in a ready, published, visible video (tagged, or by their seller).</summary>
    public bool HasVideo { get; init; }

    /// <summary>Only products in season this month (from the clock).</summary>
    public bool InSeason { get; init; }

    /// <summary>Null: relevance when there is text, else newest.</summary>
    public CatalogSort? Sort { get; init; }

    public int Page { get; init; } = 1;
}
