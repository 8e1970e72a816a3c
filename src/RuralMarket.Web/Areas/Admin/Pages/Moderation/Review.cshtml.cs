using Microsoft.AspNetCore.Mvc;
using RuralMarket.Domain.Trust;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Admin;

namespace RuralMarket.Web.Areas.Admin.Pages.Moderation;

/// <summary>A hidden (or reported) product or video as the seller left it, with the appeal and the decisions on it.</summary>
public sealed class ReviewModel(RuralMarketDbContext db) : AdminPageModel
{
    public ListingReview Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string target, Guid id, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ReportTarget>(target, ignoreCase: true, out var kind) || kind == ReportTarget.Seller)
        {
            return NotFound();
        }

        var listing = await ListingReview.LoadAsync(db, kind, id, cancellationToken);
        if (listing is null)
        {
            return NotFound();
        }

        Listing = listing;
        return Page();
    }
}
