using System.Globalization;

namespace RuralMarket.Web.Pages.Categories;

/// <summary>Numbered pages of a list: page 1 is the bare address, later pages add <c>?page=N</c>.</summary>
public sealed record PageLinks(string BasePath, int Page, int TotalItems, int PageSize)
{
    public int TotalPages => Math.Max(1, (TotalItems + PageSize - 1) / PageSize);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;

    public int Skip => (Page - 1) * PageSize;

    public string? PreviousUrl => HasPrevious ? UrlFor(Page - 1) : null;

    public string? NextUrl => HasNext ? UrlFor(Page + 1) : null;

    public string Current => UrlFor(Page);

    public string UrlFor(int page) => page <= 1 ? BasePath : $"{BasePath}?page={page.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A page number a buyer could follow: 1, or one that exists. Anything else is a broken link (404).</summary>
    public static bool IsReachable(int page, int totalItems, int pageSize) =>
        page == 1 || (page > 1 && (long)(page - 1) * pageSize < totalItems);
}
