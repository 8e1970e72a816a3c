using RuralMarket.Domain.Catalog;
using RuralMarket.Domain.Sellers;

namespace RuralMarket.Infrastructure.Search;

/// <summary>A product that matched the words, with a provider-specific relevance (higher is better).</summary>
public sealed class ScoredProduct
{
    public required Product Product { get; init; }

    public double Score { get; init; }
}

/// <summary>A visible product, its approved seller, relevance and the haversine term to the buyer (0 without one).</summary>
public sealed class SearchRow
{
    public required Product Product { get; init; }

    public required Seller Seller { get; init; }

    public double Score { get; init; }

    public double DistanceTerm { get; init; }
}
