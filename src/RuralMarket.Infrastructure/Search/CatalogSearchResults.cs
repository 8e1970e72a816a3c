using RuralMarket.Domain.Common;

namespace RuralMarket.Infrastructure.Search;

/// <summary>One product found, with what a result card shows.</summary>
public sealed record CatalogSearchHit(
    Guid ProductId,
    string Title,
    string ProductSlug,
    string SellerName,
    string SellerSlug,
    string Town,
    string? Region,
    Money Price,
    string UnitLabel,
    int Stock,
    int CategoryId,
    DateTime CreatedAt,
    bool HasVideo,
    double? DistanceKm,
    bool DeliversToBuyer,
    string? CoverImageKey = null);

/// <summary>The same contract from every provider.</summary>
public sealed record CatalogSearchResults(
    IReadOnlyList<CatalogSearchHit> Items,
    int TotalCount,
    int Page,
    int PageSize,
    CatalogSort Sort,
    bool MatchedLoosely)
{
    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public interface ICatalogSearch
{
    Task<CatalogSearchResults> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken);
}
