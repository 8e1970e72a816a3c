using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Data;

namespace RuralMarket.Web.Areas.Admin.Pages.Sellers;

/// <summary>
/// The review queue: applications waiting for a decision, oldest first; then every seller by status, or by
/// name. Two SQL commands: the counts per status and one page of sellers.
/// </summary>
public sealed class IndexModel(RuralMarketDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record SellerRow(Guid Id, string Name, string Town, string? Region, SellerStatus Status, string? OwnerEmail, DateTime CreatedAt, DateTime UpdatedAt);

    [BindProperty(SupportsGet = true)]
    public SellerStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyDictionary<SellerStatus, int> Counts { get; private set; } = new Dictionary<SellerStatus, int>();

    public IReadOnlyList<SellerRow> Sellers { get; private set; } = [];

    public bool Searching => !string.IsNullOrWhiteSpace(Query);

    /// <summary>With no filter and no search, the page is the queue of pending applications.</summary>
    public SellerStatus? Showing => Status ?? (Searching ? null : SellerStatus.Pending);

    public bool MoreThanShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        Counts = await db.Sellers.AsNoTracking()
            .GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var sellers = db.Sellers.AsNoTracking();
        if (Showing is { } status)
        {
            sellers = sellers.Where(s => s.Status == status);
        }

        if (Searching)
        {
            var words = Query!.Trim().ToLowerInvariant();
            // Translated to SQL lower(...) on both providers; it never runs with .NET's culture rules.
#pragma warning disable CA1304, CA1311, CA1862
            sellers = sellers.Where(s => s.Name.ToLower().Contains(words));
#pragma warning restore CA1304, CA1311, CA1862
        }

        // The queue is first come, first served; other lists show the latest changes first.
        sellers = Showing == SellerStatus.Pending
            ? sellers.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            : sellers.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id);
        var rows = await sellers
            .Take(PageSize + 1)
            .Select(s => new SellerRow(
                s.Id, s.Name, s.Location.Town, s.Location.Region, s.Status,
                db.Users.Where(u => u.Id == s.OwnerUserId).Select(u => u.Email).FirstOrDefault(),
                s.CreatedAt, s.UpdatedAt))
            .ToListAsync(cancellationToken);
        MoreThanShown = rows.Count > PageSize;
        Sellers = rows.Take(PageSize).ToList();
        return Page();
    }

    public int CountOf(SellerStatus status) => Counts.GetValueOrDefault(status);
}
