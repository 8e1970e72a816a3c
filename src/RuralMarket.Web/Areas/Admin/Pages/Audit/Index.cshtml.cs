using System.Text;
using Microsoft.AspNetCore.Mvc;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Audit;

/// <summary>The audit log: filter, page, export. Only GET handlers: nothing here edits or deletes an entry.</summary>
public sealed class IndexModel(AuditLog log) : AdminPageModel
{
    [BindProperty(SupportsGet = true)]
    public AuditFilter Filter { get; set; } = new();

    public IReadOnlyList<AuditRowView> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (RequestedPage() is not { } page || !Valid())
        {
            return Page();
        }

        PageNumber = page;
        (Rows, HasMore) = await log.PageAsync(Filter, page, cancellationToken);
        return Page();
    }

    /// <summary>The filtered log as a UTF-8 CSV file (with a byte order mark, so spreadsheets read it as UTF-8).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!Valid())
        {
            return Page();
        }

        var text = await log.CsvAsync(Filter, cancellationToken);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return File(bytes, "text/csv; charset=utf-8", "audit-log.csv");
    }

    /// <summary>Query-string link to the same filter (for paging and the export link).</summary>
    public string Link(string? handler = null, int? page = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("handler", handler);
        Add("Filter.Action", Filter.Action);
        Add("Filter.Target", Filter.Target);
        Add("Filter.Actor", Filter.Actor);
        Add("Filter.From", Filter.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("Filter.To", Filter.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return "/Admin/Audit" + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    private bool Valid()
    {
        if (Filter.From is { } from && Filter.To is { } to && to < from)
        {
            ModelState.AddModelError("Filter.To", "The end date must not be before the start date.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }

        return true;
    }
}
