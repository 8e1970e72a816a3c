using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using RuralMarket.Domain.Sellers;
using RuralMarket.Infrastructure.Content;
using RuralMarket.Infrastructure.Data;
using RuralMarket.Web.Features.Selling;

namespace RuralMarket.Web.Areas.Admin.Pages.Sellers;

/// <summary>
/// Everything an applicant told us, their status history, and the decisions the domain allows now:
/// approve or reject a pending application, suspend an approved seller, reinstate a suspended one.
/// </summary>
public sealed class DetailModel(RuralMarketDbContext db, SellerReview review) : PageModel
{
    public sealed record HistoryRow(SellerStatus From, SellerStatus To, DateTime At, string? By, string? Reason);

    public sealed record SellerDetail(
        Guid Id, string Name, string Slug, string Story, SellerLocation Location, FulfilmentOptions Fulfilment,
        int CommissionBasisPoints, SellerStatus Status, string? StatusReason, DateTime CreatedAt, DateTime UpdatedAt,
        string? OwnerEmail, string? OwnerName);

    public SellerDetail Seller { get; private set; } = null!;

    public string StoryHtml { get; private set; } = "";

    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    /// <summary>Why the admin rejects, suspends or reinstates; the seller reads it in their email.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public bool CanApprove => Seller.Status == SellerStatus.Pending;

    public bool CanReject => Seller.Status == SellerStatus.Pending;

    public bool CanSuspend => Seller.Status == SellerStatus.Approved;

    public bool CanReinstate => Seller.Status == SellerStatus.Suspended;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, SellerDecision.Approve, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, SellerDecision.Reject, cancellationToken);

    public Task<IActionResult> OnPostSuspendAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, SellerDecision.Suspend, cancellationToken);

    public Task<IActionResult> OnPostReinstateAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, SellerDecision.Reinstate, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, SellerDecision decision, CancellationToken cancellationToken)
    {
        if (SellerReview.NeedsReason(decision) && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Write the reason: the seller reads it in their email.");
        }
        else if (Reason?.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(Reason), "Keep the reason under 1,000 characters.");
        }

        if (ModelState.IsValid)
        {
            var adminId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var outcome = await review.DecideAsync(id, decision, Reason, adminId, SellerEmails.SellLink(Url), cancellationToken);
            switch (outcome.Kind)
            {
                case SellingOutcomeKind.Done:
                    TempData["Flash"] = outcome.Message;
                    return RedirectToPage(new { id });
                case SellingOutcomeKind.NotFound:
                    return NotFound();
                default:
                    ModelState.AddModelError(string.Empty, outcome.Message);
                    break;
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var seller = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new SellerDetail(
                s.Id, s.Name, s.Slug, s.Story, s.Location, s.Fulfilment, s.CommissionBasisPoints, s.Status, s.StatusReason,
                s.CreatedAt, s.UpdatedAt,
                db.Users.Where(u => u.Id == s.OwnerUserId).Select(u => u.Email).FirstOrDefault(),
                db.Users.Where(u => u.Id == s.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        if (seller is null)
        {
            return false;
        }

        Seller = seller;
        StoryHtml = SafeMarkdown.ToHtml(seller.Story);
        History = await db.Sellers.AsNoTracking()
            .Where(s => s.Id == id)
            .SelectMany(s => s.StatusHistory)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new HistoryRow(h.From, h.To, h.At, db.Users.Where(u => u.Id == h.ByUserId).Select(u => u.Email).FirstOrDefault(), h.Reason))
            .ToListAsync(cancellationToken);
        return true;
    }
}
