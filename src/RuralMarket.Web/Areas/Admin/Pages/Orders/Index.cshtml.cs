using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Orders;

public sealed class IndexModel(AdminOrders orders) : AdminPageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public OrderListFilter Show { get; set; }

    public IReadOnlyList<AdminOrderRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || RequestedPage() is not { } page || Query?.Length > 200)
        {
            return BadRequest();
        }

        PageNumber = page;
        (Rows, HasMore) = await orders.SearchAsync(Query, Show, page, cancellationToken);
        return Page();
    }

    public string Link(OrderListFilter show, int page = 1) =>
        "/Admin/Orders?" + string.Join("&", new[]
        {
            string.IsNullOrWhiteSpace(Query) ? null : "q=" + Uri.EscapeDataString(Query.Trim()),
            show == OrderListFilter.All ? null : "show=" + show,
            page > 1 ? "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p is not null));
}
