using System.Globalization;
using RuralMarket.Infrastructure.Search;

namespace RuralMarket.Web.Pages.Categories;

/// <summary>
/// Numbered pages of a list: page 1 is the bare address, later pages add <c>?page=N</c>. When
/// <paramref name="MoreBeyond"/> is true the list was counted only up to <paramref name="TotalItems"/> (a capped
/// count, see <see cref="CountCaps"/>): there are more items and more pages than it says.
/// </summary>
public sealed record PageLinks(string BasePath, int Page, int TotalItems, int PageSize, bool MoreBeyond = false)
{
    public int TotalPages => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    public int Skip => (Page - 1) * PageSize;

    public string? PreviousUrl => HasPrevious ? UrlFor(Page - 1) : null;

    public string? NextUrl => HasNext ? UrlFor(Page + 1) : null;

    public string Current => UrlFor(Page);

    public string UrlFor(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>"26", "1,000+": how many items the list has, as far as it was counted.</summary>
    public string CountText => TotalItems.ToString("N0", CultureInfo.InvariantCulture) + (MoreBeyond ? "+" : "");

    /// <summary>The pages of a list counted with <see cref="CountCaps"/>: <paramref name="counted"/> items, of at most cap + 1.</summary>
    public static PageLinks Capped(string basePath, int page, int counted, int cap, int pageSize) =>
        counted > cap ? new(basePath, page, cap, pageSize, MoreBeyond: true) : new(basePath, page, counted, pageSize);

    /// <summary>A page number a buyer could follow: 1, or one that exists. Anything else is a broken link (404).</summary>
    public static bool IsReachable(int page, int totalItems, int pageSize) =>
        page == 1 || (page > 1 && (long)(page - 1) * pageSize < totalItems);
}
