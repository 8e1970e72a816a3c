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

/// <summary>
/// The same contract from every provider. When <paramref name="MoreBeyond"/> is true, <paramref name="TotalCount"/>
/// is how far the matches were counted (<see cref="CountCaps"/>), and there are more.
/// </summary>
public sealed record CatalogSearchResults(
    IReadOnlyList<CatalogSearchHit> Items,
    int TotalCount,
    int Page,
    int PageSize,
    CatalogSort Sort,
    bool MatchedLoosely,
    bool MoreBeyond = false)
{
    /// <summary>"26", "1,000+".</summary>
    public string CountText => TotalCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (MoreBeyond ? "+" : "");

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public interface ICatalogSearch
{
    Task<CatalogSearchResults> SearchAsync(CatalogSearchQuery query, CancellationToken cancellationToken);
}
